using Analyzer.Core;

namespace Analyzer.Sessions.Sealed;

/// <summary>
/// One ESP packet as an observer without keys sees it: when, which way, on which SPI and how long.
/// Sizes, timing and direction are all that survive encryption; the inference layer in Diagnosis
/// reads what the tunnel carried from these alone. The endpoints are the <see cref="SealedPath"/>'s:
/// a packet only says which of the two sent it, so a quarter of a million packets stay compact.
/// </summary>
/// <param name="FromFirst">Sent by the path's <see cref="SealedPath.First"/> endpoint (the sender of its first packet).</param>
/// <param name="Length">ESP bytes from the SPI to the end of the ICV (the same measure for raw and UDP-encapsulated ESP).</param>
public readonly record struct SealedPacket(FrameRef Frame, bool FromFirst, uint Spi, int Length)
{
    public Timestamp Time => Frame.Time;
}

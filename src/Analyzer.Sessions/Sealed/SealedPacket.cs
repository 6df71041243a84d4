using Analyzer.Core;

namespace Analyzer.Sessions.Sealed;

/// <summary>
/// One ESP packet as an observer without keys sees it: when, which way, on which SPI and how long.
/// Sizes, timing and direction are all that survive encryption; the inference layer in Diagnosis
/// reads what the tunnel carried from these alone.
/// </summary>
/// <param name="Length">ESP bytes from the SPI to the end of the ICV (the same measure for raw and UDP-encapsulated ESP).</param>
public readonly record struct SealedPacket(FrameRef Frame, NetEndpoint Source, NetEndpoint Destination, uint Spi, int Length)
{
    public Timestamp Time => Frame.Time;
}

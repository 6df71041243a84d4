using Analyzer.Core;

namespace Analyzer.Protocols.Ip;

/// <summary>
/// What the decode stage needs from an IPv4 header or an IPv6 header chain. Offsets are relative
/// to the start of the IP header.
/// </summary>
/// <param name="PayloadOffset">Where the upper-layer header starts (after IPv4 options or IPv6 extension headers).</param>
/// <param name="TotalLength">The packet's length on the wire per its own length field (IPv4 total length, IPv6 40 + payload length).</param>
/// <param name="Identification">IPv4 identification, or the IPv6 Fragment header's 32-bit identification.</param>
/// <param name="FragmentOffset">Byte offset of this fragment's data in the original datagram.</param>
/// <param name="UnfragmentableLength">Bytes before the fragmentable part (IPv4 header, or IPv6 header up to the Fragment header).</param>
public readonly record struct IpHeader(
    byte Version,
    IpProtocol Protocol,
    NetAddress Source,
    NetAddress Destination,
    int PayloadOffset,
    int TotalLength,
    uint Identification,
    byte HopLimit,
    int FragmentOffset,
    bool MoreFragments,
    bool IsFragment,
    int UnfragmentableLength)
{
    /// <summary>The upper-layer payload's length on the wire.</summary>
    public int PayloadLength => TotalLength - PayloadOffset;
}

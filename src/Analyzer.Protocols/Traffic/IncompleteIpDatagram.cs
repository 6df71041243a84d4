using Analyzer.Core;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// An IP datagram some of whose fragments were seen and which never completed: how a dropped
/// fragment of a large IKE message (certificates) shows in a capture.
/// </summary>
/// <param name="Protocol">IP protocol number (17 for UDP).</param>
/// <param name="Source">Address, and port when the first fragment was seen.</param>
/// <param name="Destination">Address, and port when the first fragment was seen.</param>
/// <param name="Fragments">The frames that carried the fragments that arrived, in arrival order.</param>
/// <param name="ReceivedRanges">Byte ranges of the datagram's payload that arrived.</param>
/// <param name="TotalLength">Payload length when the last fragment arrived, else null.</param>
/// <param name="FirstBytes">The first bytes of the datagram's payload (up to 64) when the first fragment arrived: enough to read an IKE header.</param>
public sealed record IncompleteIpDatagram(
    byte Protocol,
    NetEndpoint Source,
    NetEndpoint Destination,
    ushort Identification,
    IReadOnlyList<FrameRef> Fragments,
    IReadOnlyList<(int Start, int End)> ReceivedRanges,
    int? TotalLength,
    byte[] FirstBytes)
{
    /// <summary>The identification as sent: 16 bits for IPv4, the Fragment header's 32 bits for IPv6 (<see cref="Identification"/> keeps the low 16).</summary>
    public uint FullIdentification { get; init; }

    /// <summary>Why it was given up: timeout, a reassembly limit, or the end of the capture.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>For UDP, the first bytes after the 8-byte UDP header; empty when the first fragment never arrived.</summary>
    public ReadOnlySpan<byte> UdpPayloadStart => Protocol == UdpProtocol && FirstBytes.Length >= UdpHeaderLength ? FirstBytes.AsSpan(UdpHeaderLength) : default;

    /// <summary>UDP 4500 whose first word is an SPI, not the non-ESP marker: ESP in UDP (RFC 3948 §2.2).</summary>
    public bool IsEspInUdp => Protocol == UdpProtocol && VpnPorts.IsNatTraversal(Source.Port, Destination.Port) && NonEspMarker.StartsWithSpi(UdpPayloadStart);

    private const byte UdpProtocol = 17;
    private const int UdpHeaderLength = 8;
}

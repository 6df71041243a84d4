using Analyzer.Core;
using Analyzer.Protocols.Esp;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// One VPN-relevant datagram as the decode stage delivers it: frame, addresses, ports, and the
/// payload bytes of <see cref="Kind"/> (see <see cref="TrafficKind"/> for where each starts).
/// A ref struct: the bytes belong to the reader's buffer and are only valid during the call;
/// a session stage copies out what it keeps.
/// </summary>
public readonly ref struct VpnDatagram
{
    public VpnDatagram(
        FrameRef frame,
        TrafficKind kind,
        NetEndpoint source,
        NetEndpoint destination,
        ReadOnlySpan<byte> payload,
        int wireLength,
        DatagramFlags flags,
        ReadOnlySpan<byte> ipPacket,
        ushort ipIdentification,
        byte hopLimit,
        int fragmentCount)
    {
        Frame = frame;
        Kind = kind;
        Source = source;
        Destination = destination;
        Payload = payload;
        WireLength = wireLength;
        Flags = flags;
        IpPacket = ipPacket;
        IpIdentification = ipIdentification;
        HopLimit = hopLimit;
        FragmentCount = fragmentCount;
    }

    /// <summary>The frame that completed this datagram (the last fragment, when reassembled).</summary>
    public FrameRef Frame { get; }

    public TrafficKind Kind { get; }

    public NetEndpoint Source { get; }

    public NetEndpoint Destination { get; }

    /// <summary>The protocol payload as captured (may be shorter than <see cref="WireLength"/> when snaplen cut it).</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The payload's length on the wire, from the IP/UDP length fields.</summary>
    public int WireLength { get; }

    public DatagramFlags Flags { get; }

    /// <summary>The whole (reassembled) IP packet from its IP header on, for comparing captures byte by byte.</summary>
    public ReadOnlySpan<byte> IpPacket { get; }

    public ushort IpIdentification { get; }

    /// <summary>IPv4 TTL or IPv6 hop limit: a drop between two captures shows as a TTL step.</summary>
    public byte HopLimit { get; }

    /// <summary>1 for an unfragmented datagram, else how many IP fragments were reassembled.</summary>
    public int FragmentCount { get; }

    public bool IsTruncated => (Flags & DatagramFlags.Truncated) != 0;

    /// <summary>For <see cref="TrafficKind.PptpControl"/>: the TCP sequence number (the PPTP stage reassembles the stream).</summary>
    public uint TcpSequenceNumber { get; init; }

    /// <summary>For <see cref="TrafficKind.PptpControl"/>: the TCP acknowledgement number.</summary>
    public uint TcpAcknowledgementNumber { get; init; }

    /// <summary>For <see cref="TrafficKind.PptpControl"/>: the TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10).</summary>
    public byte TcpFlags { get; init; }

    /// <summary>pcapng interface the frame was captured on (0 for pcap).</summary>
    public int InterfaceId { get; init; }

    /// <summary>For ESP: what decryption made of this packet (<see cref="EspDecryptionStatus.NotAttempted"/> without a key).</summary>
    public EspDecryptionStatus Decryption { get; init; }

    /// <summary>For ESP that had a key: the key's description and origin, never its bytes.</summary>
    public EspSaKey? DecryptionKey { get; init; }

    /// <summary>For a <see cref="DatagramFlags.Decrypted"/> datagram: the SPI of the ESP packet it was inside (same frame).</summary>
    public uint EncapsulatingSpi { get; init; }

    public bool IsDecrypted => (Flags & DatagramFlags.Decrypted) != 0;
}

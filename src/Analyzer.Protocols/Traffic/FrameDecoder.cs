using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using Analyzer.Capture;
using Analyzer.Core;
using Analyzer.Protocols.Esp;
using Analyzer.Protocols.Ip;
using Analyzer.Protocols.Keys;
using Analyzer.Protocols.Link;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// Decodes one capture's frames in order: link → IP (reassembling fragments) → UDP/TCP/ESP/AH/GRE,
/// hands VPN datagrams to the sink and counts everything else. Per frame it allocates nothing
/// unless the frame is a VPN fragment.
/// </summary>
internal sealed class FrameDecoder : IDisposable
{
    private const int UdpHeaderLength = 8;
    private const int TcpMinimumHeaderLength = 20;

    /// <summary>tshark dissects any non-zero first word on UDP 4500 as ESP (SPI), even short of the 8-byte header.</summary>
    private const int MinimumEspLength = 4;

    /// <summary>Damaged frames reported one by one before the rest are only counted.</summary>
    private const int MaxReportedUndecodable = 20;

    private readonly AnalysisInput _input;
    private readonly IVpnTrafficSink _sink;
    private readonly FragmentReassembler _reassembler;
    private readonly InterfaceEchoFilter _echoes = new();
    private int _echoInterface;
    private ulong _packetId;
    private byte[] _reassembled = ArrayPool<byte>.Shared.Rent(PendingDatagram.MaxDatagramLength + 256);
    private int _reportedUndecodable;
    private bool _reportedReassemblyLimit;
    private int _interfaceId;

    /// <summary>Null without ESP keys: then ESP costs nothing beyond its header.</summary>
    private readonly EspDecrypter? _decrypter;

    /// <summary>Set while the inner packet of a decrypted ESP packet is decoded (never nested).</summary>
    private uint _insideSpi;
    private bool _inside;

    public FrameDecoder(AnalysisInput input, IVpnTrafficSink sink, AnalysisLimits limits, KeyStore? keys = null)
    {
        _input = input;
        _sink = sink;
        _reassembler = new FragmentReassembler(limits, OnAbandoned);
        _decrypter = keys is { HasEsp: true } ? new EspDecrypter(keys) : null;
    }

    public DecodeSummary Summary { get; } = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Decode(in CapturedFrame frame)
    {
        DecodeSummary summary = Summary;
        summary.Frames++;
        summary.Bytes += frame.Data.Length;
        summary.FirstTime ??= frame.Time;
        summary.LastTime = frame.Time;
        bool truncated = frame.IsTruncated;
        if (truncated)
        {
            summary.TruncatedFrames++;
            summary.SnapLength = Math.Max(summary.SnapLength, frame.Data.Length);
        }

        _interfaceId = frame.InterfaceId;
        var frameRef = new FrameRef(_input.Index, frame.Number, frame.Time);
        ReadOnlySpan<byte> data = frame.Data;
        _echoInterface = EchoInterface(frame.LinkType, frame.InterfaceId, data);
        _packetId = frame.PacketId;
        NetworkLayer layer = LinkLayerReader.Locate(frame.LinkType, data, out int offset);
        switch (layer)
        {
            case NetworkLayer.Ipv4:
            case NetworkLayer.Ipv6:
                DecodeIp(frameRef, frame.FileOffset, data[offset..], layer == NetworkLayer.Ipv6, truncated);
                break;
            case NetworkLayer.Ppp:
                Deliver(new VpnDatagram(frameRef, TrafficKind.Ppp, default, default, data[offset..],
                    (int)Math.Min(int.MaxValue, frame.OriginalLength - offset), truncated ? DatagramFlags.Truncated : DatagramFlags.None,
                    default, 0, 0, 1) { InterfaceId = _interfaceId });
                break;
            case NetworkLayer.Other:
                summary.OtherFrames++;
                break;
            default:
                Undecodable(frameRef, frame.FileOffset, string.Create(CultureInfo.InvariantCulture,
                    $"link layer ({frame.LinkType}) cut short or not understood"));
                break;
        }

        _reassembler.Sweep(frame.Time);
    }

    /// <summary>
    /// Which interface a frame passed, for <see cref="InterfaceEchoFilter"/>: the pcapng interface,
    /// refined by what <c>tcpdump -i any</c> records in one pcap interface: Linux cooked v2 names the
    /// interface index (bytes 4-7), cooked v1 only the packet type (bytes 0-1), where a forwarded
    /// packet is seen once arriving and once outgoing (type 4).
    /// </summary>
    private static int EchoInterface(LinkType linkType, int interfaceId, ReadOnlySpan<byte> data) => linkType switch
    {
        LinkType.LinuxSll2 when data.Length >= 8 => HashCode.Combine(interfaceId, BinaryPrimitives.ReadInt32BigEndian(data[4..])),
        LinkType.LinuxSll when data.Length >= 2 => HashCode.Combine(interfaceId, BinaryPrimitives.ReadUInt16BigEndian(data) == 4),
        _ => interfaceId,
    };

    /// <summary>End of capture: fragments still waiting become incomplete datagrams.</summary>
    public void Finish()
    {
        _reassembler.Flush();
        if (_echoes.Echoes > 0)
        {
            Report(null, _echoes.FirstEcho, string.Create(CultureInfo.InvariantCulture,
                $"{_echoes.Echoes} packet(s) appear twice, on two interfaces of this capture moments apart (a host forwarding between them): each is read once (the first copy left out is frame {_echoes.FirstEcho})"),
                DiagnosticSeverity.Info);
        }

        if (_echoes.SameIdCopies > 0)
        {
            Report(null, _echoes.FirstSameIdCopy, string.Create(CultureInfo.InvariantCulture,
                $"{_echoes.SameIdCopies} packet(s) were recorded more than once by the capturing host, at several of its capture points under one packet id (as Windows pktmon records a packet at each component it passes): each is read once (the first copy left out is frame {_echoes.FirstSameIdCopy})"),
                DiagnosticSeverity.Info);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeIp(FrameRef frame, long fileOffset, ReadOnlySpan<byte> packet, bool v6, bool truncated)
    {
        IpHeader header;
        ParseError error;
        bool ok = v6 ? Ipv6Reader.TryRead(packet, out header, out error) : Ipv4Reader.TryRead(packet, out header, out error);
        if (!ok)
        {
            if (truncated && error.Kind == ParseErrorKind.Truncated)
            {
                Summary.OtherFrames++;
                return;
            }

            Undecodable(frame, fileOffset, (v6 ? "IPv6 " : "IPv4 ") + error);
            return;
        }

        // Ethernet pads short frames; the IP length says where the packet ends.
        if (packet.Length > header.TotalLength)
        {
            packet = packet[..header.TotalLength];
        }

        if (!_inside && _echoes.IsEcho(_echoInterface, frame, packet, v6, _packetId))
        {
            Summary.InterfaceEchoes++;
            return;
        }

        DatagramFlags flags = packet.Length < header.TotalLength ? DatagramFlags.Truncated : DatagramFlags.None;
        if (header.IsFragment)
        {
            if (flags != DatagramFlags.None && header.FragmentOffset == 0)
            {
                // Snaplen cut the first fragment: it can never be reassembled, so decode what is
                // there, as Wireshark does, and let the truncated flag say so.
                Summary.Fragments++;
                DecodeTransport(frame, packet, header, flags, fragmentCount: 1);
                return;
            }

            DecodeFragment(frame, fileOffset, packet, header, flags);
            return;
        }

        DecodeTransport(frame, packet, header, flags, fragmentCount: 1);
    }

    private void DecodeFragment(FrameRef frame, long fileOffset, ReadOnlySpan<byte> packet, in IpHeader header, DatagramFlags flags)
    {
        Summary.Fragments++;
        IpProtocol protocol = header.Protocol;
        if (protocol is not (IpProtocol.Udp or IpProtocol.Tcp or IpProtocol.Esp or IpProtocol.Ah or IpProtocol.Gre))
        {
            Summary.OtherFrames++;
            return;
        }

        FragmentRelevance relevance = FragmentRelevance.Unknown;
        NetEndpoint source = new(header.Source, 0);
        NetEndpoint destination = new(header.Destination, 0);
        if (header.FragmentOffset == 0)
        {
            relevance = FirstFragmentRelevance(packet[header.PayloadOffset..], protocol, out ushort sourcePort, out ushort destinationPort);
            source = new NetEndpoint(header.Source, sourcePort);
            destination = new NetEndpoint(header.Destination, destinationPort);
        }

        if (header.Version == 4 && !Ipv4Reader.HeaderChecksumIsValid(packet[..header.UnfragmentableLength]))
        {
            flags |= DatagramFlags.BadIpChecksum;
        }

        if (!_reassembler.TryAdd(header, packet, frame, relevance, source, destination, flags, out PendingDatagram? completed, out string? problem))
        {
            if (problem is not null)
            {
                Undecodable(frame, fileOffset, problem);
            }
            else
            {
                Summary.OtherFrames++;
            }

            ReportReassemblyLimit(frame, fileOffset);
            return;
        }

        ReportReassemblyLimit(frame, fileOffset);

        try
        {
            int length = FragmentReassembler.BuildPacket(completed!, _reassembled);
            ReadOnlySpan<byte> rebuilt = _reassembled.AsSpan(0, length);
            bool ok = header.Version == 4
                ? Ipv4Reader.TryRead(rebuilt, out IpHeader whole, out _)
                : Ipv6Reader.TryRead(rebuilt, out whole, out _);
            if (!ok || whole.IsFragment)
            {
                Undecodable(frame, fileOffset, "reassembled datagram does not decode");
                return;
            }

            Summary.ReassembledDatagrams++;
            DecodeTransport(frame, rebuilt, whole, completed!.Flags | DatagramFlags.Reassembled, completed.FragmentCount, completed.HopLimit);
        }
        finally
        {
            _reassembler.Release(completed!);
        }
    }

    private static FragmentRelevance FirstFragmentRelevance(ReadOnlySpan<byte> transport, IpProtocol protocol, out ushort sourcePort, out ushort destinationPort)
    {
        sourcePort = 0;
        destinationPort = 0;
        if (protocol is IpProtocol.Esp or IpProtocol.Ah or IpProtocol.Gre)
        {
            return FragmentRelevance.Vpn;
        }

        if (transport.Length < 4)
        {
            return FragmentRelevance.Unknown;
        }

        sourcePort = BinaryPrimitives.ReadUInt16BigEndian(transport);
        destinationPort = BinaryPrimitives.ReadUInt16BigEndian(transport[2..]);
        bool vpn = protocol == IpProtocol.Udp
            ? PortClaims.DecideUdp(sourcePort, destinationPort, out _) != 0
            : PortClaims.IsPptpControl(sourcePort, destinationPort);
        return vpn ? FragmentRelevance.Vpn : FragmentRelevance.Ignored;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeTransport(FrameRef frame, ReadOnlySpan<byte> packet, in IpHeader header, DatagramFlags flags, int fragmentCount, byte? hopLimit = null)
    {
        ReadOnlySpan<byte> transport = packet[Math.Min(header.PayloadOffset, packet.Length)..];
        int wireLength = header.PayloadLength;
        switch (header.Protocol)
        {
            case IpProtocol.Udp:
                DecodeUdp(frame, packet, header, transport, flags, fragmentCount, hopLimit ?? header.HopLimit);
                return;
            case IpProtocol.Tcp:
                DecodeTcp(frame, packet, header, transport, flags, fragmentCount, hopLimit ?? header.HopLimit);
                return;
            case IpProtocol.Esp:
                DeliverIp(frame, TrafficKind.Esp, packet, header, default, default, transport, wireLength, flags, fragmentCount, hopLimit);
                return;
            case IpProtocol.Ah:
                DeliverIp(frame, TrafficKind.Ah, packet, header, default, default, transport, wireLength, flags, fragmentCount, hopLimit);
                return;
            case IpProtocol.Gre:
                DeliverIp(frame, TrafficKind.Gre, packet, header, default, default, transport, wireLength, flags, fragmentCount, hopLimit);
                return;
            case IpProtocol.Icmp or IpProtocol.Icmpv6 when IcmpErrors.QuotesVpnTraffic(transport, header.Protocol == IpProtocol.Icmpv6):
                DeliverIp(frame, TrafficKind.IcmpError, packet, header, default, default, transport, wireLength, flags, fragmentCount, hopLimit);
                return;
            default:
                Summary.OtherFrames++;
                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeUdp(FrameRef frame, ReadOnlySpan<byte> packet, in IpHeader header, ReadOnlySpan<byte> udp, DatagramFlags flags, int fragmentCount, byte hopLimit)
    {
        if (udp.Length < 4)
        {
            Summary.OtherFrames++;
            return;
        }

        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(udp);
        ushort destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
        ushort port = PortClaims.DecideUdp(sourcePort, destinationPort, out bool contested);
        if (port == 0 || udp.Length < UdpHeaderLength)
        {
            Summary.OtherFrames++;
            return;
        }

        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (udpLength < UdpHeaderLength || udpLength > header.PayloadLength)
        {
            // A UDP length that disagrees with IP is a malformed packet; IP's length is the better bound.
            udpLength = header.PayloadLength;
        }

        int wirePayload = udpLength - UdpHeaderLength;
        ReadOnlySpan<byte> payload = udp[UdpHeaderLength..Math.Min(udp.Length, udpLength)];
        TrafficKind kind;
        int skip = 0;
        switch (port)
        {
            case VpnPorts.Isakmp when !contested || VpnStructure.LooksLikeIsakmp(payload):
                kind = TrafficKind.Ike;
                break;
            case VpnPorts.L2tp when !contested || VpnStructure.LooksLikeL2tp(payload):
                kind = TrafficKind.L2tp;
                break;
            case VpnPorts.NatTraversal:
                // RFC 3948 §2.2-2.3: a single 0xFF is a keepalive, a zero first word marks IKE, else ESP.
                if (wirePayload == 1 && payload.Length == 1 && payload[0] == 0xFF)
                {
                    kind = TrafficKind.NatKeepalive;
                }
                else if (NonEspMarker.StartsWithMarker(payload)
                    && (!contested || VpnStructure.LooksLikeIsakmp(payload[NonEspMarker.Length..])))
                {
                    kind = TrafficKind.IkeNatT;
                    skip = NonEspMarker.Length;
                }
                else if (!contested && payload.Length >= NonEspMarker.Length && wirePayload >= MinimumEspLength)
                {
                    kind = TrafficKind.EspInUdp;
                }
                else
                {
                    Summary.OtherFrames++;
                    return;
                }

                break;
            default:
                Summary.OtherFrames++;
                return;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(udp[6..]) != 0)
        {
            // Zero means the sender computed none (IPv4, RFC 768; ESP-in-UDP, RFC 3948 §2.1).
            flags |= TransportChecksumFlag(header, udp, IpProtocol.Udp, udpLength, flags);
        }

        flags |= Ipv4ChecksumFlag(packet, header, flags);
        var datagram = new VpnDatagram(frame, kind, new NetEndpoint(header.Source, sourcePort), new NetEndpoint(header.Destination, destinationPort),
            payload[skip..], wirePayload - skip, flags, packet, (ushort)header.Identification, hopLimit, fragmentCount)
        { InterfaceId = _interfaceId };
        Deliver(datagram);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeTcp(FrameRef frame, ReadOnlySpan<byte> packet, in IpHeader header, ReadOnlySpan<byte> tcp, DatagramFlags flags, int fragmentCount, byte hopLimit)
    {
        if (tcp.Length < 4)
        {
            Summary.OtherFrames++;
            return;
        }

        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(tcp);
        ushort destinationPort = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]);
        if (!PortClaims.IsPptpControl(sourcePort, destinationPort) || tcp.Length < TcpMinimumHeaderLength)
        {
            Summary.OtherFrames++;
            return;
        }

        // seq(4) ack(4) data offset(4 bits) flags window checksum urgent: RFC 9293 §3.1
        int dataOffset = (tcp[12] >> 4) * 4;
        if (dataOffset < TcpMinimumHeaderLength || dataOffset > tcp.Length)
        {
            Summary.OtherFrames++;
            return;
        }

        int segmentLength = header.PayloadLength;
        flags |= TransportChecksumFlag(header, tcp, IpProtocol.Tcp, segmentLength, flags);

        flags |= Ipv4ChecksumFlag(packet, header, flags);
        var datagram = new VpnDatagram(frame, TrafficKind.PptpControl, new NetEndpoint(header.Source, sourcePort), new NetEndpoint(header.Destination, destinationPort),
            tcp[dataOffset..Math.Min(tcp.Length, Math.Max(dataOffset, segmentLength))], Math.Max(0, segmentLength - dataOffset), flags, packet,
            (ushort)header.Identification, hopLimit, fragmentCount)
        {
            TcpSequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]),
            TcpAcknowledgementNumber = BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]),
            TcpFlags = tcp[13],
            InterfaceId = _interfaceId,
        };
        Deliver(datagram);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeliverIp(FrameRef frame, TrafficKind kind, ReadOnlySpan<byte> packet, in IpHeader header, ushort sourcePort, ushort destinationPort,
        ReadOnlySpan<byte> payload, int wireLength, DatagramFlags flags, int fragmentCount, byte? hopLimit)
    {
        flags |= Ipv4ChecksumFlag(packet, header, flags);
        Deliver(new VpnDatagram(frame, kind, new NetEndpoint(header.Source, sourcePort), new NetEndpoint(header.Destination, destinationPort),
            payload, wireLength, flags, packet, (ushort)header.Identification, hopLimit ?? header.HopLimit, fragmentCount)
        { InterfaceId = _interfaceId });
    }

    /// <summary>
    /// UDP/TCP checksum over the pseudo-header and the segment, when the whole segment was captured.
    /// A bad one is flagged, never dropped: captures on the sending host show offloaded checksums
    /// as bad, and only the rules can tell that from corruption.
    /// </summary>
    private static DatagramFlags TransportChecksumFlag(in IpHeader header, ReadOnlySpan<byte> segment, IpProtocol protocol, int length, DatagramFlags flags)
    {
        // Transport mode after decryption: NAT-T changed the outer addresses the checksum covered (RFC 3948 §3.1.2).
        if ((flags & DatagramFlags.Truncated) != 0 || segment.Length < length || header.UnfragmentableLength == 0)
        {
            return DatagramFlags.None;
        }

        ulong sum = InternetChecksum.PseudoHeader(header.Source, header.Destination, protocol, length);
        return InternetChecksum.Fold(InternetChecksum.Add(sum, segment[..length])) == 0xFFFF ? DatagramFlags.None : DatagramFlags.BadTransportChecksum;
    }

    /// <summary>Reassembled packets carry the fragments' verdict; whole IPv4 packets are checked here.</summary>
    private static DatagramFlags Ipv4ChecksumFlag(ReadOnlySpan<byte> packet, in IpHeader header, DatagramFlags flags)
    {
        if (header.Version != 4 || (flags & DatagramFlags.Reassembled) != 0 || header.UnfragmentableLength == 0 || packet.Length < header.UnfragmentableLength)
        {
            return DatagramFlags.None;
        }

        return Ipv4Reader.HeaderChecksumIsValid(packet[..header.UnfragmentableLength]) ? DatagramFlags.None : DatagramFlags.BadIpChecksum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Deliver(in VpnDatagram datagram)
    {
        if (_inside)
        {
            // Decrypted traffic is counted apart: the kind counts say what crossed the wire.
            Summary.DecryptedDatagrams++;
            _sink.OnDatagram(datagram with { EncapsulatingSpi = _insideSpi });
            return;
        }

        Summary.CountKind(datagram.Kind);
        if ((datagram.Flags & (DatagramFlags.BadIpChecksum | DatagramFlags.BadTransportChecksum)) != 0)
        {
            Summary.ChecksumErrors++;
        }

        if (_decrypter is not null && datagram.Kind is TrafficKind.Esp or TrafficKind.EspInUdp && !datagram.IsTruncated)
        {
            DeliverDecrypted(datagram);
            return;
        }

        _sink.OnDatagram(datagram);
    }

    /// <summary>
    /// Hands on the ESP packet with what decryption made of it, then decodes its inner packet as if
    /// it had been captured: tunnel mode (next header IPv4/IPv6) from the inner IP header, transport
    /// mode (UDP, TCP, GRE) under the outer addresses.
    /// </summary>
    private void DeliverDecrypted(in VpnDatagram esp)
    {
        ReadOnlySpan<byte> payload = esp.Payload;
        if (payload.Length < EspHeader.Length || payload.Length < esp.WireLength)
        {
            _sink.OnDatagram(esp);
            return;
        }

        uint spi = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload);
        EspDecryptionStatus status = _decrypter!.TryDecrypt(payload, spi, esp.Source.Address, esp.Destination.Address,
            out ReadOnlySpan<byte> inner, out byte nextHeader, out EspSaKey? key);
        if (status == EspDecryptionStatus.NotAttempted)
        {
            _sink.OnDatagram(esp);
            return;
        }

        if (status == EspDecryptionStatus.Decrypted)
        {
            Summary.DecryptedEsp++;
        }
        else
        {
            Summary.EspDecryptionFailures++;
        }

        _sink.OnDatagram(esp with { Decryption = status, DecryptionKey = key });
        if (status != EspDecryptionStatus.Decrypted)
        {
            return;
        }

        _inside = true;
        _insideSpi = spi;
        try
        {
            DecodeInner(esp, inner, nextHeader);
        }
        finally
        {
            _inside = false;
        }
    }

    private void DecodeInner(in VpnDatagram esp, ReadOnlySpan<byte> inner, byte nextHeader)
    {
        const byte Ipv4 = 4;
        const byte Ipv6 = 41;
        FrameRef frame = esp.Frame;
        if (nextHeader is Ipv4 or Ipv6)
        {
            IpHeader header;
            bool ok = nextHeader == Ipv6 ? Ipv6Reader.TryRead(inner, out header, out _) : Ipv4Reader.TryRead(inner, out header, out _);
            if (!ok || header.IsFragment || header.TotalLength > inner.Length)
            {
                // Fragments inside a tunnel are not reassembled: the outer packets carry whole inner ones here.
                return;
            }

            DecodeTransport(frame, inner[..header.TotalLength], header, DatagramFlags.Decrypted, fragmentCount: 1);
            return;
        }

        if ((IpProtocol)nextHeader is IpProtocol.Udp or IpProtocol.Tcp or IpProtocol.Gre)
        {
            // Transport mode: the inner packet has no IP header of its own; its addresses are the outer
            // ones (a header with PayloadOffset 0 and no IP header bytes: no IP checksum to check).
            var header = new IpHeader(esp.Source.Address.IsV6 ? (byte)6 : (byte)4, (IpProtocol)nextHeader, esp.Source.Address, esp.Destination.Address,
                PayloadOffset: 0, TotalLength: inner.Length, Identification: esp.IpIdentification, HopLimit: esp.HopLimit,
                FragmentOffset: 0, MoreFragments: false, IsFragment: false, UnfragmentableLength: 0);
            DecodeTransport(frame, inner, header, DatagramFlags.Decrypted, fragmentCount: 1);
        }
    }

    private void ReportReassemblyLimit(FrameRef frame, long fileOffset)
    {
        if (_reassembler.LimitReached is string limit && !_reportedReassemblyLimit)
        {
            _reportedReassemblyLimit = true;
            Report(fileOffset, frame.Frame, limit + "; the oldest incomplete datagrams were given up", DiagnosticSeverity.Warning);
        }
    }

    private void OnAbandoned(PendingDatagram pending, string reason)
    {
        Summary.IncompleteDatagrams++;
        byte[] first = [];
        if (pending.Data is not null && pending.Ranges.Count > 0 && pending.Ranges[0].Start == 0)
        {
            first = pending.Data.AsSpan(0, Math.Min(64, pending.Ranges[0].End)).ToArray();
        }

        var ranges = new List<(int Start, int End)>(pending.Ranges);
        var incomplete = new IncompleteIpDatagram((byte)pending.Protocol, pending.Source, pending.Destination,
            (ushort)pending.Key.Identification, pending.Frames.ToArray(), ranges, pending.Total, first)
        {
            FullIdentification = pending.Key.Identification,
            Reason = reason,
        };
        FrameRef last = pending.Frames.Count > 0 ? pending.Frames[^1] : default;
        Report(null, pending.Frames.Count > 0 ? last.Frame : null, string.Create(CultureInfo.InvariantCulture,
            $"IP datagram {pending.Source} → {pending.Destination} id 0x{pending.Key.Identification:X}: {pending.Frames.Count} fragment(s) seen, {reason}"),
            DiagnosticSeverity.Info);
        _sink.OnIncompleteDatagram(incomplete);
    }

    private void Undecodable(FrameRef frame, long fileOffset, string message)
    {
        Summary.UndecodableFrames++;
        if (_reportedUndecodable < MaxReportedUndecodable)
        {
            _reportedUndecodable++;
            Report(fileOffset, frame.Frame, message, DiagnosticSeverity.Warning);
        }
        else if (_reportedUndecodable == MaxReportedUndecodable)
        {
            _reportedUndecodable++;
            Report(fileOffset, frame.Frame, "more undecodable frames follow; they are counted, not listed", DiagnosticSeverity.Info);
        }
    }

    private void Report(long? offset, long? frame, string message, DiagnosticSeverity severity)
    {
        Summary.Diagnostics++;
        _sink.OnDiagnostic(new InputDiagnostic(_input.DisplayName, offset, frame, message, severity));
    }

    public void Dispose()
    {
        _decrypter?.Dispose();
        byte[] buffer = _reassembled;
        _reassembled = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

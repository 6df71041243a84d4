using System.Buffers.Binary;
using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Protocols.Ip;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Bench.Capture;

/// <summary>
/// Writes a capture that looks like a customer's: mostly background TCP and UDP (including the odd
/// DNS reply to a client that used port 4500), bulk ESP both raw and UDP-encapsulated, NAT-T
/// keepalives, and real IKE/L2TP conversations replayed with fresh cookies and addresses, large
/// IKE messages split into IP fragments. Deterministic for a given seed.
/// </summary>
internal sealed class CustomerCaptureGenerator
{
    private const int EthernetLength = 14;
    private const int Ipv4Length = 20;
    private const int UdpLength = 8;
    private const int TcpLength = 20;
    private const int Mtu = 1500;

    private readonly Random _random;
    private readonly IReadOnlyList<TemplateConversation> _templates;
    private readonly byte[] _frame = new byte[16384];
    private readonly byte[] _noise = new byte[65536];
    private readonly uint[] _espSpis = new uint[64];
    private readonly uint[] _espSequence = new uint[64];
    private long _nanoseconds = 1_764_000_000_000_000_000;
    private ushort _ipId;
    private int _conversation = -1;
    private int _message;
    private ulong _initiatorCookie;
    private ulong _responderCookie;
    private uint _client;
    private uint _server;
    private bool _natT;

    private readonly int _conversationShare;
    private readonly long _maxConversations;

    /// <param name="conversationShare">Packets per thousand that carry replayed IKE/L2TP conversations (the rest is background and bulk ESP).</param>
    /// <param name="maxConversations">Conversations replayed at most; later conversation slots carry background UDP, so file size can grow without the VPN content growing.</param>
    /// <param name="withKeys">Encrypt the bulk ESP under real SAs (<see cref="Keying"/>).</param>
    public CustomerCaptureGenerator(IReadOnlyList<TemplateConversation> templates, int seed = 20261124, int conversationShare = 10, long maxConversations = long.MaxValue, bool withKeys = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(conversationShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(conversationShare, 1000);
        _templates = templates;
        _conversationShare = conversationShare;
        _maxConversations = maxConversations;
        _random = new Random(seed);
        _random.NextBytes(_noise);
        for (int i = 0; i < _espSpis.Length; i++)
        {
            _espSpis[i] = (uint)_random.Next(0x100, int.MaxValue);
        }

        Keying = withKeys ? new EspKeying(_espSpis) : null;
    }

    public GeneratedCounts Counts { get; } = new();

    /// <summary>
    /// When set, every bulk ESP packet is real ESP under this tunnel's SA (AES-128-CBC with
    /// HMAC-SHA1-96, tunnel mode, an inner IPv4/UDP datagram): the packet layout, the random stream
    /// and so every other packet stay as without keys; only the ESP payload is encrypted and its
    /// length rounded down to whole cipher blocks.
    /// </summary>
    public EspKeying? Keying { get; }

    public void Generate(string path, long targetBytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new PcapWriter(file, LinkType.Ethernet, leaveOpen: true);
        long written = 24;
        while (written < targetBytes)
        {
            _nanoseconds += _random.Next(1_000, 20_000);
            // The background mix keeps its proportions whatever share the conversations take.
            int roll = _random.Next(1000);
            int length = roll < _conversationShare
                ? NextConversationMessage(writer, ref written)
                : ((roll - _conversationShare) * 1000 / (1000 - _conversationShare)) switch
                {
                    < 646 => BackgroundTcp(),
                    < 768 => BackgroundUdp(),
                    < 884 => RawEsp(),
                    < 996 => UdpEsp(),
                    _ => Keepalive(),
                };

            if (length > 0)
            {
                writer.WritePacket(new Timestamp(_nanoseconds, 6), _frame.AsSpan(0, length));
                written += 16 + length;
                Counts.Frames++;
            }
        }
    }

    private int BackgroundTcp()
    {
        int payload = _random.Next(10) < 4 ? 0 : Mtu - Ipv4Length - TcpLength;
        uint source = 0x0A000000u | (uint)_random.Next(1, 60000);
        uint destination = 0xC6336400u | (uint)_random.Next(1, 250);
        ushort sourcePort = (ushort)_random.Next(1024, 65535);
        ushort destinationPort = _random.Next(3) == 0 ? (ushort)443 : (ushort)_random.Next(1, 65535);
        if (destinationPort is 1723 or 500 or 4500 or 1701)
        {
            destinationPort = 80;
        }

        int ip = Ethernet(0x0800);
        int transport = Ipv4(ip, source, destination, 6, TcpLength + payload, checksum: false);
        Span<byte> tcp = _frame.AsSpan(transport, TcpLength);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], (uint)_random.Next());
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], (uint)_random.Next());
        tcp[12] = 0x50;
        tcp[13] = 0x10;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 502);
        Noise(transport + TcpLength, payload);
        Counts.Background++;
        return transport + TcpLength + payload;
    }

    private int BackgroundUdp()
    {
        int kind = _random.Next(100);
        ushort sourcePort;
        ushort destinationPort;
        int payload;
        if (kind < 2)
        {
            // A DNS answer to a client whose ephemeral port happened to be 4500: DNS for tshark, never ESP.
            sourcePort = 53;
            destinationPort = 4500;
            payload = 90;
            Counts.DnsToPort4500++;
        }
        else if (kind < 50)
        {
            sourcePort = (ushort)_random.Next(1024, 65535);
            destinationPort = 53;
            payload = _random.Next(30, 60);
        }
        else
        {
            sourcePort = (ushort)_random.Next(1024, 65535);
            destinationPort = 443;
            payload = 1200;
        }

        uint source = 0x0A000000u | (uint)_random.Next(1, 60000);
        uint destination = 0xC6336400u | (uint)_random.Next(1, 250);
        int ip = Ethernet(0x0800);
        int transport = Ipv4(ip, source, destination, 17, UdpLength + payload, checksum: false);
        Udp(transport, sourcePort, destinationPort, payload);
        Noise(transport + UdpLength, payload);
        Counts.Background++;
        return transport + UdpLength + payload;
    }

    private int RawEsp()
    {
        int tunnel = _random.Next(_espSpis.Length);
        int payload = EspLength(_random.Next(10) < 7 ? 1400 : _random.Next(80, 400));
        int ip = Ethernet(0x0800);
        int transport = Ipv4(ip, 0xCB007100u | (uint)tunnel, 0xC6336401u, 50, payload, checksum: true);
        Esp(transport, tunnel, payload);
        Counts.Esp++;
        return transport + payload;
    }

    private int UdpEsp()
    {
        int tunnel = _random.Next(_espSpis.Length);
        int payload = EspLength(_random.Next(10) < 7 ? 1380 : _random.Next(80, 400));
        int ip = Ethernet(0x0800);
        int transport = Ipv4(ip, 0xC0A80000u | (uint)tunnel, 0xC6336401u, 17, UdpLength + payload, checksum: true);
        Udp(transport, (ushort)(40000 + tunnel), 4500, payload);
        Esp(transport + UdpLength, tunnel, payload);
        Counts.EspInUdp++;
        return transport + UdpLength + payload;
    }

    private int Keepalive()
    {
        int ip = Ethernet(0x0800);
        int transport = Ipv4(ip, 0xC0A80000u | (uint)_random.Next(64), 0xC6336401u, 17, UdpLength + 1, checksum: true);
        Udp(transport, (ushort)(40000 + _random.Next(64)), 4500, 1);
        _frame[transport + UdpLength] = 0xFF;
        Counts.Keepalives++;
        return transport + UdpLength + 1;
    }

    /// <summary>The next message of the conversation being replayed, starting a fresh one when it ends.</summary>
    private int NextConversationMessage(PcapWriter writer, ref long written)
    {
        if (_templates.Count == 0)
        {
            return BackgroundUdp();
        }

        if (_conversation < 0 || _message >= _templates[_conversation].Messages.Count)
        {
            if (Counts.Conversations >= _maxConversations)
            {
                return BackgroundUdp();
            }

            _conversation = _random.Next(_templates.Count);
            _message = 0;
            _initiatorCookie = (ulong)_random.NextInt64();
            _responderCookie = (ulong)_random.NextInt64();
            _client = 0x0A800000u | (uint)_random.Next(1, 1 << 20);
            _server = 0xCB007100u | (uint)_random.Next(1, 250);
            _natT = _random.Next(2) == 0;
            Counts.Conversations++;
        }

        TemplateMessage message = _templates[_conversation].Messages[_message++];
        uint source = message.FromInitiator ? _client : _server;
        uint destination = message.FromInitiator ? _server : _client;
        bool ike = message.Kind is TrafficKind.Ike or TrafficKind.IkeNatT;
        bool natT = ike && _natT;
        int marker = natT ? 4 : 0;
        ushort port = ike ? (natT ? (ushort)4500 : (ushort)500) : (ushort)1701;
        int payloadLength = marker + message.Payload.Length;
        byte[] datagram = new byte[UdpLength + payloadLength];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, port);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(2), port);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(4), (ushort)datagram.Length);
        message.Payload.CopyTo(datagram, UdpLength + marker);
        if (ike && message.Payload.Length >= 16)
        {
            // Fresh SPIs (cookies) per conversation; a zero responder cookie stays zero (first message).
            Span<byte> cookies = datagram.AsSpan(UdpLength + marker);
            bool hasResponder = BinaryPrimitives.ReadUInt64BigEndian(cookies[8..]) != 0;
            BinaryPrimitives.WriteUInt64BigEndian(cookies, _initiatorCookie);
            BinaryPrimitives.WriteUInt64BigEndian(cookies[8..], hasResponder ? _responderCookie : 0);
        }

        if (ike)
        {
            if (natT)
            {
                Counts.IkeNatT++;
            }
            else
            {
                Counts.Ike++;
            }
        }
        else
        {
            Counts.L2tp++;
        }

        if (Ipv4Length + datagram.Length <= Mtu)
        {
            int ip = Ethernet(0x0800);
            int transport = Ipv4(ip, source, destination, 17, datagram.Length, checksum: true);
            datagram.CopyTo(_frame, transport);
            return transport + datagram.Length;
        }

        // Too big for one packet (certificates): send IP fragments, the last one returned to the caller.
        ushort id = ++_ipId;
        const int fragmentData = 1480;
        int offset = 0;
        while (true)
        {
            int length = Math.Min(fragmentData, datagram.Length - offset);
            bool more = offset + length < datagram.Length;
            int ip = Ethernet(0x0800);
            int transport = Ipv4(ip, source, destination, 17, length, checksum: true, id, offset, more);
            datagram.AsSpan(offset, length).CopyTo(_frame.AsSpan(transport));
            offset += length;
            Counts.Fragments++;
            if (!more)
            {
                return transport + length;
            }

            writer.WritePacket(new Timestamp(_nanoseconds, 6), _frame.AsSpan(0, transport + length));
            written += 16 + transport + length;
            Counts.Frames++;
            _nanoseconds += 5_000;
        }
    }

    private int Ethernet(ushort etherType)
    {
        Span<byte> header = _frame.AsSpan(0, EthernetLength);
        header[..6].Fill(0x02);
        header[5] = 0x01;
        header[6..12].Fill(0x02);
        header[11] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], etherType);
        return EthernetLength;
    }

    private int Ipv4(int offset, uint source, uint destination, byte protocol, int payloadLength, bool checksum,
        ushort? id = null, int fragmentOffset = 0, bool more = false)
    {
        Span<byte> header = _frame.AsSpan(offset, Ipv4Length);
        header[0] = 0x45;
        header[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(Ipv4Length + payloadLength));
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], id ?? ++_ipId);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)((more ? 0x2000 : 0) | (fragmentOffset / 8)));
        header[8] = 64;
        header[9] = protocol;
        header[10] = 0;
        header[11] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(header[16..], destination);
        if (checksum)
        {
            BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)~InternetChecksum.Fold(InternetChecksum.Add(0, header)));
        }

        return offset + Ipv4Length;
    }

    private void Udp(int offset, ushort sourcePort, ushort destinationPort, int payloadLength)
    {
        Span<byte> header = _frame.AsSpan(offset, UdpLength);
        BinaryPrimitives.WriteUInt16BigEndian(header, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)(UdpLength + payloadLength));
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], 0); // RFC 3948 §2.1: zero checksum allowed for ESP-in-UDP
    }

    private void Esp(int offset, int tunnel, int length)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_frame.AsSpan(offset), _espSpis[tunnel]);
        BinaryPrimitives.WriteUInt32BigEndian(_frame.AsSpan(offset + 4), ++_espSequence[tunnel]);
        if (Keying is null)
        {
            Noise(offset + 8, length - 8);
            return;
        }

        // The inner datagram is noise behind an IPv4 and a UDP header; Keying encrypts it in place.
        Noise(offset + EspKeying.PlaintextStart + Ipv4Length + UdpLength, length - EspKeying.Overhead - Ipv4Length - UdpLength);
        Keying.Seal(_frame.AsSpan(offset, length), tunnel);
    }

    /// <summary>With keys, ESP payloads hold whole AES blocks: the length is rounded down to fit them.</summary>
    private int EspLength(int length) =>
        Keying is null ? length : EspKeying.Overhead + ((length - EspKeying.Overhead) / 16 * 16);

    private void Noise(int offset, int length)
    {
        int start = _random.Next(_noise.Length - length);
        _noise.AsSpan(start, length).CopyTo(_frame.AsSpan(offset));
    }
}

/// <summary>What the generator wrote, to check decoders against.</summary>
internal sealed class GeneratedCounts
{
    public long Frames { get; set; }

    public long Background { get; set; }

    public long DnsToPort4500 { get; set; }

    public long Esp { get; set; }

    public long EspInUdp { get; set; }

    public long Keepalives { get; set; }

    public long Ike { get; set; }

    public long IkeNatT { get; set; }

    public long L2tp { get; set; }

    public long Fragments { get; set; }

    public long Conversations { get; set; }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"frames {Frames}, background {Background} (DNS to port 4500: {DnsToPort4500}), ESP {Esp}, ESP-in-UDP {EspInUdp}, keepalives {Keepalives}, IKE {Ike}, IKE NAT-T {IkeNatT}, L2TP {L2tp}, IP fragments {Fragments}, conversations {Conversations}");
}

using Analyzer.Core;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// A host that captures on two of its interfaces (a router's or VPN gateway's pcapng, one interface
/// per side, or <c>tcpdump -i any</c>, whose cooked header names the interface) records every packet it forwards twice: once as it arrives, once as it leaves, moments
/// apart, with the TTL one lower and a new header checksum. Read as two packets, each IKE message
/// would count as sent twice (a retransmission that never happened). The second copy is the same
/// datagram (addresses, IP id, payload) on another interface within a moment: it is recognised here,
/// counted, and not delivered. A copy on the same interface is never an echo (a real retransmission
/// or duplicate), nor is a packet a NAT rewrote (other addresses: two vantage points in one file).
/// A capturing tool that names its packets (pcapng epb_packetid; Windows pktmon, which records one
/// packet at each component it passes, on one interface or, converted by etl2pcapng, one interface
/// per component) makes the copies certain: the same id and the same datagram within a moment is
/// one packet seen again, on whichever interface, and is counted apart (<see cref="SameIdCopies"/>).
/// </summary>
internal sealed class InterfaceEchoFilter
{
    /// <summary>Recent packets remembered: an echo follows its original within microseconds, a few packets later at most.</summary>
    private const int Remembered = 32;

    /// <summary>
    /// Bytes of the packet that enter its fingerprint, with its length: the IP header (IPv4's id),
    /// the UDP header with its checksum over the whole payload, and the IKE SPIs and message id or
    /// ESP's SPI and sequence number, which tell datagrams apart. Every packet of every capture is
    /// fingerprinted (the second interface may appear late), so the cost per packet stays small.
    /// </summary>
    private const int HashedBytes = 64;

    private const long WindowNanoseconds = 1_000_000_000;

    private readonly long[] _keys = new long[Remembered];
    private readonly int[] _interfaces = new int[Remembered];
    private readonly ulong[] _packetIds = new ulong[Remembered];
    private readonly Timestamp[] _times = new Timestamp[Remembered];
    private int _next;
    private int _count;
    private int _firstInterface;
    private bool _anySeen;
    private bool _severalInterfaces;

    /// <summary>Packets dropped as another interface's copy.</summary>
    public long Echoes { get; private set; }

    /// <summary>The first frame dropped as an echo, for the note.</summary>
    public long? FirstEcho { get; private set; }

    /// <summary>Packets dropped as a copy the capturing tool itself named as such (same packet id).</summary>
    public long SameIdCopies { get; private set; }

    /// <summary>The first frame dropped as a same-id copy, for the note.</summary>
    public long? FirstSameIdCopy { get; private set; }

    /// <summary>
    /// True when <paramref name="packet"/> (an IP packet, header first) is another interface's copy
    /// of one just seen, or a copy carrying the same non-zero <paramref name="packetId"/>.
    /// </summary>
    public bool IsEcho(int interfaceId, FrameRef frame, ReadOnlySpan<byte> packet, bool v6, ulong packetId = 0)
    {
        // Interface keys are any int (a hash for cooked captures): the first is remembered by a flag.
        if (!_anySeen)
        {
            _anySeen = true;
            _firstInterface = interfaceId;
        }
        else if (interfaceId != _firstInterface)
        {
            _severalInterfaces = true;
        }

        long key = Fingerprint(packet, v6);
        if (packetId != 0)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_packetIds[i] == packetId && _keys[i] == key && frame.Time.UnixNanoseconds - _times[i].UnixNanoseconds is >= 0 and <= WindowNanoseconds)
                {
                    // The original stays remembered: pktmon records a packet at many components.
                    SameIdCopies++;
                    FirstSameIdCopy ??= frame.Frame;
                    return true;
                }
            }
        }

        if (_severalInterfaces)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i] == key && _interfaces[i] != interfaceId && frame.Time.UnixNanoseconds - _times[i].UnixNanoseconds is >= 0 and <= WindowNanoseconds)
                {
                    // Forget the pair: a later real retransmission of the same bytes is not an echo of this one.
                    _keys[i] = 0;
                    Echoes++;
                    FirstEcho ??= frame.Frame;
                    return true;
                }
            }
        }

        _keys[_next] = key;
        _interfaces[_next] = interfaceId;
        _packetIds[_next] = packetId;
        _times[_next] = frame.Time;
        _next = (_next + 1) % Remembered;
        _count = Math.Min(_count + 1, Remembered);
        return false;
    }

    /// <summary>The datagram without what a forwarding hop changes: IPv4 TTL and header checksum, IPv6 hop limit.</summary>
    private static long Fingerprint(ReadOnlySpan<byte> packet, bool v6)
    {
        var hash = new HashCode();
        ReadOnlySpan<byte> bounded = packet[..Math.Min(packet.Length, HashedBytes)];
        if (v6 && bounded.Length >= 8)
        {
            hash.AddBytes(bounded[..7]);
            hash.AddBytes(bounded[8..]);
        }
        else if (!v6 && bounded.Length >= 12)
        {
            hash.AddBytes(bounded[..8]);
            hash.AddBytes(bounded.Slice(9, 1));
            hash.AddBytes(bounded[12..]);
        }
        else
        {
            hash.AddBytes(bounded);
        }

        // Length in the high half: two packets of different lengths never match, whatever the hash.
        return ((long)packet.Length << 32) | (uint)hash.ToHashCode();
    }
}

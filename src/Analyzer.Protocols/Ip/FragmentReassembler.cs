using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Protocols.Ip;

/// <summary>
/// Rebuilds fragmented IPv4 and IPv6 datagrams within the configured limits (datagrams in flight,
/// bytes held, capture-time timeout). Datagrams known not to be VPN traffic are tracked without
/// keeping their bytes. A datagram given up (timeout, limit, end of capture) is handed to
/// <c>onAbandoned</c> with the reason, so a dropped fragment of a large IKE message can be reported.
/// </summary>
internal sealed class FragmentReassembler
{
    private const double SweepIntervalSeconds = 1;
    private readonly Dictionary<FragmentKey, PendingDatagram> _pending = [];
    private readonly List<PendingDatagram> _expired = [];
    private readonly AnalysisLimits _limits;
    private readonly Action<PendingDatagram, string> _onAbandoned;
    private long _bytesHeld;
    private long _sequence;
    private Timestamp _lastSweep;

    public FragmentReassembler(AnalysisLimits limits, Action<PendingDatagram, string> onAbandoned)
    {
        _limits = limits;
        _onAbandoned = onAbandoned;
    }

    public int InFlight => _pending.Count;

    public long BytesHeld => _bytesHeld;

    /// <summary>Which limit first forced a datagram out, in words; the decoder reports it once.</summary>
    public string? LimitReached { get; private set; }

    /// <summary>
    /// Adds one fragment. Returns true when it completed a datagram that is not ignored; the caller
    /// builds the packet with <see cref="BuildPacket"/> and then calls <see cref="Release"/>.
    /// </summary>
    /// <param name="packet">The fragment's IP packet as captured, trimmed to its total length.</param>
    /// <param name="relevance">For a first fragment (offset 0): whether its ports make it VPN traffic.</param>
    public bool TryAdd(in IpHeader header, ReadOnlySpan<byte> packet, FrameRef frame, FragmentRelevance relevance,
        NetEndpoint source, NetEndpoint destination, DatagramFlags flags, out PendingDatagram? completed, out string? problem)
    {
        completed = null;
        problem = null;
        int dataOffset = header.Version == 4 ? header.UnfragmentableLength : header.UnfragmentableLength + 8;
        int wireLength = header.TotalLength - dataOffset;
        int captured = Math.Min(packet.Length, header.TotalLength) - dataOffset;
        if (wireLength < 0 || captured < 0)
        {
            problem = "fragment shorter than its own headers";
            return false;
        }

        if (header.FragmentOffset + wireLength > PendingDatagram.MaxDatagramLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"fragment at offset {header.FragmentOffset} with {wireLength} bytes ends beyond the 65535-byte maximum");
            return false;
        }

        var key = new FragmentKey(header.Source, header.Destination, header.Identification, header.Version == 4 ? (byte)header.Protocol : (byte)0);
        if (!_pending.TryGetValue(key, out PendingDatagram? pending))
        {
            if (_pending.Count >= _limits.MaxFragmentedDatagramsInFlight)
            {
                LimitReached ??= string.Create(CultureInfo.InvariantCulture,
                    $"the limit of {_limits.MaxFragmentedDatagramsInFlight} IP datagrams being reassembled at once was reached");
                EvictOldest("the limit of datagrams being reassembled was reached");
            }

            pending = new PendingDatagram(key, header.Version, frame.Time, _sequence++);
            _pending.Add(key, pending);
        }

        pending.Flags |= flags;
        if (captured < wireLength)
        {
            pending.Flags |= DatagramFlags.Truncated;
        }

        if (header.FragmentOffset == 0)
        {
            pending.Relevance = relevance;
            pending.Source = source;
            pending.Destination = destination;
            pending.HopLimit = header.HopLimit;
            pending.Protocol = header.Protocol;
            if (relevance == FragmentRelevance.Ignored)
            {
                _bytesHeld -= pending.HeldBytes;
                pending.ReleaseData();
                pending.Header = null;
                pending.Frames.Clear();
            }
            else
            {
                _bytesHeld -= pending.Header?.Length ?? 0;
                pending.Header = packet[..dataOffset].ToArray();
                _bytesHeld += dataOffset;
            }
        }
        else if (pending.Relevance == FragmentRelevance.Unknown)
        {
            pending.Source = new NetEndpoint(header.Source, 0);
            pending.Destination = new NetEndpoint(header.Destination, 0);
            pending.Protocol = header.Protocol;
        }

        if (!header.MoreFragments)
        {
            pending.Total = header.FragmentOffset + wireLength;
        }

        pending.FragmentCount++;
        if (pending.Relevance != FragmentRelevance.Ignored)
        {
            pending.Frames.Add(frame);
            int before = pending.HeldBytes;
            pending.Store(header.FragmentOffset, packet.Slice(dataOffset, captured));
            _bytesHeld += pending.HeldBytes - before;
            if (_bytesHeld > _limits.MaxReassemblyBytes)
            {
                LimitReached ??= string.Create(CultureInfo.InvariantCulture,
                    $"the {_limits.MaxReassemblyBytes}-byte reassembly buffer limit was reached ({_bytesHeld} bytes held)");
                while (_bytesHeld > _limits.MaxReassemblyBytes && _pending.Count > 1)
                {
                    EvictOldest("the reassembly memory limit was reached", except: pending);
                }
            }
        }

        pending.AddRange(header.FragmentOffset, header.FragmentOffset + captured);
        if (!pending.IsComplete)
        {
            return false;
        }

        _pending.Remove(key);
        if (pending.Relevance == FragmentRelevance.Ignored || pending.Header is null)
        {
            // Ignored, or complete without its first fragment's header (impossible unless offsets lie).
            Release(pending);
            return false;
        }

        completed = pending;
        return true;
    }

    /// <summary>Writes the rebuilt, unfragmented packet; returns its length. <paramref name="destination"/> needs header + total bytes.</summary>
    public static int BuildPacket(PendingDatagram datagram, Span<byte> destination)
    {
        byte[] header = datagram.Header!;
        int total = datagram.Total!.Value;
        header.CopyTo(destination);
        datagram.Data.AsSpan(0, total).CopyTo(destination[header.Length..]);
        if (datagram.Version == 4)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(header.Length + total));
            destination[6] &= 0x40; // keep DF, clear MF and the offset
            destination[7] = 0;
            destination[10] = 0;
            destination[11] = 0;
            ushort checksum = (ushort)~InternetChecksum.Fold(InternetChecksum.Add(0, destination[..header.Length]));
            BinaryPrimitives.WriteUInt16BigEndian(destination[10..], checksum);
        }
        else
        {
            // Keep the Fragment header as an atomic fragment (offset 0, M clear): RFC 6946 reads it as whole.
            BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)(header.Length - Ipv6Reader.HeaderLength + total));
            destination[header.Length - 6] = 0;
            destination[header.Length - 5] = 0;
        }

        return header.Length + total;
    }

    public void Release(PendingDatagram datagram)
    {
        _bytesHeld -= datagram.HeldBytes;
        datagram.ReleaseData();
        datagram.Header = null;
    }

    /// <summary>Gives up datagrams older than the timeout, judged by capture time.</summary>
    public void Sweep(Timestamp now)
    {
        if (_pending.Count == 0 || now.SecondsSince(_lastSweep) < SweepIntervalSeconds)
        {
            return;
        }

        _lastSweep = now;
        foreach (PendingDatagram pending in _pending.Values)
        {
            if (now.SecondsSince(pending.FirstSeen) > _limits.ReassemblyTimeoutSeconds)
            {
                _expired.Add(pending);
            }
        }

        _expired.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        foreach (PendingDatagram pending in _expired)
        {
            Abandon(pending, "reassembly timed out");
        }

        _expired.Clear();
    }

    /// <summary>End of capture: everything still pending is incomplete.</summary>
    public void Flush()
    {
        _expired.AddRange(_pending.Values);
        _expired.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        foreach (PendingDatagram pending in _expired)
        {
            Abandon(pending, "the capture ended before all fragments arrived");
        }

        _expired.Clear();
    }

    private void EvictOldest(string reason, PendingDatagram? except = null)
    {
        PendingDatagram? oldest = null;
        foreach (PendingDatagram pending in _pending.Values)
        {
            if (pending != except && (oldest is null || pending.Sequence < oldest.Sequence))
            {
                oldest = pending;
            }
        }

        if (oldest is not null)
        {
            Abandon(oldest, reason);
        }
    }

    private void Abandon(PendingDatagram pending, string reason)
    {
        _pending.Remove(pending.Key);
        if (pending.Relevance != FragmentRelevance.Ignored)
        {
            _onAbandoned(pending, reason);
        }

        Release(pending);
    }
}

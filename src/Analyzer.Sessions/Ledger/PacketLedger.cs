using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Ledger;

/// <summary>
/// A per-capture list of VPN packet fingerprints, kept so that a second capture of the same
/// conversation (the other end, or a point in between) can be lined up packet by packet: what left
/// one side and never reached the other, what a NAT rewrote, what arrived damaged.
/// Memory stays bounded: at most <see cref="AnalysisLimits.MaxLedgerEntries"/> entries and
/// <see cref="AnalysisLimits.MaxLedgerBytes"/> payload bytes, each reported once when reached.
/// </summary>
public sealed class PacketLedger
{
    private const int UdpHeaderLength = 8;
    private const byte IpProtocolUdp = 17;
    private const byte IpProtocolEsp = 50;

    private readonly AnalysisLimits _limits;
    private readonly List<LedgerEntry> _entries = [];
    private readonly List<LedgerFlow> _flows = [];
    private readonly Dictionary<LedgerFlow, int> _flowIndex = [];
    private readonly LedgerByteStore _bytes = new();

    /// <summary>IKEv1 carries no initiator flag: remember who sent the message without a responder cookie.</summary>
    private readonly Dictionary<ulong, NetEndpoint> _ikeInitiators = [];
    private bool _bytesBudgetReported;

    public PacketLedger(AnalysisInput input, AnalysisLimits limits)
    {
        Input = input;
        _limits = limits;
    }

    public AnalysisInput Input { get; }

    /// <summary>Fingerprints in the order the decoder delivered them (incomplete datagrams come when given up, so not strictly by time).</summary>
    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public IReadOnlyList<LedgerFlow> Flows => _flows;

    public Timestamp? FirstTime { get; private set; }

    public Timestamp? LastTime { get; private set; }

    /// <summary>Set when the entry cap was reached: packets after this time were not recorded, so they cannot be compared.</summary>
    public Timestamp? RecordedUntil { get; private set; }

    /// <summary>Limits reached while recording; the session stage adds them to the capture's diagnostics.</summary>
    public List<InputDiagnostic> Diagnostics { get; } = [];

    public LedgerFlow FlowOf(in LedgerEntry entry) => _flows[entry.Flow];

    /// <summary>The payload bytes kept for an entry (the whole payload unless the byte budget was spent).</summary>
    public ReadOnlySpan<byte> BytesOf(in LedgerEntry entry) => _bytes.Slice(entry.BytesAt, entry.BytesLength);

    public void Observe(in VpnDatagram datagram)
    {
        LedgerProtocol protocol;
        Fingerprint fingerprint;
        LedgerEntryFlags extra = LedgerEntryFlags.None;
        switch (datagram.Kind)
        {
            case TrafficKind.Ike:
                protocol = LedgerProtocol.Udp500;
                fingerprint = PacketFingerprint.Ike(datagram.Payload);
                break;
            case TrafficKind.IkeNatT:
                protocol = LedgerProtocol.Udp4500;
                fingerprint = PacketFingerprint.Ike(datagram.Payload);
                extra = LedgerEntryFlags.UdpEncapsulated;
                break;
            case TrafficKind.NatKeepalive:
                protocol = LedgerProtocol.Udp4500;
                fingerprint = PacketFingerprint.Keepalive();
                extra = LedgerEntryFlags.UdpEncapsulated;
                break;
            case TrafficKind.Esp:
                protocol = LedgerProtocol.Esp;
                fingerprint = PacketFingerprint.Esp(datagram.Payload);
                break;
            case TrafficKind.EspInUdp:
                protocol = LedgerProtocol.Esp;
                fingerprint = PacketFingerprint.Esp(datagram.Payload);
                extra = LedgerEntryFlags.UdpEncapsulated;
                break;
            case TrafficKind.L2tp:
                protocol = LedgerProtocol.Udp1701;
                fingerprint = PacketFingerprint.L2tp(datagram.Payload);
                break;
            default:
                return;   // PPTP, GRE, AH, PPP: not compared across vantage points
        }

        if (datagram.IsTruncated)
        {
            extra |= LedgerEntryFlags.Truncated;
        }

        Record(datagram.Frame, protocol, fingerprint, extra, new LedgerFlow(datagram.Source, datagram.Destination),
            datagram.Payload, datagram.WireLength, datagram.HopLimit, datagram.IpIdentification, datagram.FragmentCount);
    }

    /// <summary>
    /// A datagram whose fragments never all arrived. When its first fragment is there, the IKE or ESP
    /// header in <see cref="IncompleteIpDatagram.FirstBytes"/> gives the same match key the complete
    /// datagram has in the sender's capture, so the far side's partial frames line up with it.
    /// </summary>
    public void ObserveIncomplete(IncompleteIpDatagram datagram)
    {
        if (datagram.Fragments.Count == 0)
        {
            return;
        }

        ReadOnlySpan<byte> first = datagram.FirstBytes;
        Fingerprint fingerprint = PacketFingerprint.Opaque((byte)'F', 0);
        if (datagram.Protocol == IpProtocolEsp)
        {
            fingerprint = PacketFingerprint.Esp(first);
        }
        else if (datagram.Protocol == IpProtocolUdp)
        {
            fingerprint = FingerprintUdp(datagram.Source.Port, datagram.Destination.Port, WithoutUdpHeader(first, datagram));
        }

        FrameRef frame = datagram.Fragments[0];
        Record(frame, LedgerProtocol.IpFragments, fingerprint with { Flags = fingerprint.Flags | LedgerEntryFlags.Incomplete },
            LedgerEntryFlags.None, new LedgerFlow(datagram.Source, datagram.Destination), [],
            datagram.TotalLength ?? 0, 0, datagram.Identification, (byte)Math.Min(datagram.Fragments.Count, byte.MaxValue));
    }

    private static Fingerprint FingerprintUdp(ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        if (VpnPorts.IsNatTraversal(sourcePort, destinationPort))
        {
            return NonEspMarker.StartsWithMarker(payload) ? PacketFingerprint.Ike(payload[NonEspMarker.Length..]) : PacketFingerprint.Esp(payload);
        }

        if (sourcePort == VpnPorts.L2tp || destinationPort == VpnPorts.L2tp)
        {
            return PacketFingerprint.L2tp(payload);
        }

        return sourcePort == VpnPorts.Isakmp || destinationPort == VpnPorts.Isakmp
            ? PacketFingerprint.Ike(payload)
            : PacketFingerprint.Opaque((byte)'U', payload.Length);
    }

    /// <summary>The decoder's first bytes start at the UDP header when it kept one: recognise it by the ports it repeats.</summary>
    private static ReadOnlySpan<byte> WithoutUdpHeader(ReadOnlySpan<byte> first, IncompleteIpDatagram datagram)
    {
        if (first.Length >= UdpHeaderLength
            && BinaryPrimitives.ReadUInt16BigEndian(first) == datagram.Source.Port
            && BinaryPrimitives.ReadUInt16BigEndian(first[2..]) == datagram.Destination.Port)
        {
            return first[UdpHeaderLength..];
        }

        return first;
    }

    private void Record(FrameRef frame, LedgerProtocol protocol, Fingerprint fingerprint, LedgerEntryFlags extra,
        LedgerFlow flow, ReadOnlySpan<byte> payload, int wireLength, byte hopLimit, ushort ipIdentification, int fragmentCount)
    {
        if (_entries.Count >= _limits.MaxLedgerEntries)
        {
            if (RecordedUntil is null)
            {
                RecordedUntil = LastTime ?? frame.Time;
                Diagnostics.Add(new InputDiagnostic(Input.Path, null, frame.Frame, string.Create(CultureInfo.InvariantCulture,
                    $"packet ledger holds {_limits.MaxLedgerEntries} packets: vantage points are compared only up to {RecordedUntil}"),
                    DiagnosticSeverity.Info));
            }

            return;
        }

        LedgerEntryFlags flags = fingerprint.Flags | extra;
        if (protocol is LedgerProtocol.Udp500 or LedgerProtocol.Udp4500 && fingerprint.Identity != 0)
        {
            flags |= IkeDirection(fingerprint.Identity, flags, flow.Source);
        }

        long bytesAt = 0;
        int bytesLength = 0;
        if (_bytes.TotalBytes + payload.Length <= _limits.MaxLedgerBytes)
        {
            bytesAt = _bytes.Append(payload);
            bytesLength = payload.Length;
        }
        else
        {
            flags |= LedgerEntryFlags.BytesNotKept;
            ReportBytesBudget(frame);
        }

        _entries.Add(new LedgerEntry(frame, protocol, flags, FlowIndex(flow), fingerprint.Identity, fingerprint.MatchKey,
            PacketFingerprint.ContentHash(payload), wireLength, hopLimit, ipIdentification,
            (byte)Math.Clamp(fragmentCount, 1, byte.MaxValue), bytesAt, bytesLength));
        if (FirstTime is null || frame.Time < FirstTime)
        {
            FirstTime = frame.Time;
        }

        if (LastTime is null || frame.Time > LastTime)
        {
            LastTime = frame.Time;
        }
    }

    /// <summary>IKEv1 messages after the first: from the initiator when sent from where the cookie's first message came.</summary>
    private LedgerEntryFlags IkeDirection(ulong initiatorCookie, LedgerEntryFlags flags, NetEndpoint source)
    {
        if ((flags & LedgerEntryFlags.FromInitiator) != 0)
        {
            if (_ikeInitiators.Count < _limits.MaxIkeSas)
            {
                _ikeInitiators.TryAdd(initiatorCookie, source);
            }

            return LedgerEntryFlags.None;
        }

        if ((flags & LedgerEntryFlags.FromResponder) != 0 || !_ikeInitiators.TryGetValue(initiatorCookie, out NetEndpoint initiator))
        {
            return LedgerEntryFlags.None;
        }

        return initiator.Address == source.Address ? LedgerEntryFlags.FromInitiator : LedgerEntryFlags.FromResponder;
    }

    private int FlowIndex(LedgerFlow flow)
    {
        if (!_flowIndex.TryGetValue(flow, out int index))
        {
            index = _flows.Count;
            _flows.Add(flow);
            _flowIndex.Add(flow, index);
        }

        return index;
    }

    private void ReportBytesBudget(FrameRef frame)
    {
        if (_bytesBudgetReported)
        {
            return;
        }

        _bytesBudgetReported = true;
        Diagnostics.Add(new InputDiagnostic(Input.Path, null, frame.Frame, string.Create(CultureInfo.InvariantCulture,
            $"packet ledger kept {_limits.MaxLedgerBytes} payload bytes: later packets are matched by hash only, without the offset of a change"),
            DiagnosticSeverity.Info));
    }
}

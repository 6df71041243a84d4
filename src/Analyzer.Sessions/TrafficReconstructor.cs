using Analyzer.Core;
using Analyzer.Protocols.Keys;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ledger;
using Analyzer.Sessions.Pptp;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Sessions;

/// <summary>
/// The session stage for one capture: receives the decode stage's datagrams and hands each to the
/// tracker of its protocol, then completes them in dependency order (IKE first, so ESP pairing and
/// L2TP protection can lean on the IKE SAs) into one <see cref="CaptureModel"/>.
/// </summary>
public sealed class TrafficReconstructor : IVpnTrafficSink
{
    private const int MaxDiagnostics = 1000;

    private readonly AnalysisLimits _limits;
    private readonly CaptureModel _model;
    private readonly IkeSaTracker _ike;
    private readonly EspFlowTracker _esp;
    private readonly L2tpTunnelTracker _l2tp;
    private readonly PptpTracker _pptp;
    private readonly PacketLedger? _ledger;
    private readonly SealedPacketRecorder _sealed;
    private long _droppedDiagnostics;
    private long _unlistedIncomplete;
    private FrameRef? _firstUnlistedIncomplete;

    /// <param name="keepLedger">
    /// Record every VPN packet for path comparison. Only a bundle with a second capture of the same
    /// conversation needs it; a single capture skips the per-packet copy (docs/performance.md).
    /// </param>
    /// <param name="keys">Every key supplied (IKEv1, IKEv2; ESP is decrypted by the decode stage with the same store).</param>
    public TrafficReconstructor(AnalysisInput input, AnalysisLimits limits, KeyStore? keys, bool keepLedger = true)
    {
        _limits = limits;
        _model = new CaptureModel(input);
        var notices = new LimitNotices(input, limits);
        _ike = new IkeSaTracker(input, limits, keys, notices);
        _esp = new EspFlowTracker(input, limits);
        _l2tp = new L2tpTunnelTracker(input, limits, notices);
        _pptp = new PptpTracker(input, limits, notices);
        _ledger = keepLedger ? new PacketLedger(input, limits) : null;
        _sealed = new SealedPacketRecorder(input, _model.SealedPackets);
    }

    public void OnDatagram(in VpnDatagram datagram)
    {
        if (!datagram.IsDecrypted)
        {
            // The ledger compares what crossed the wire; decrypted packets are the ESP packets' contents.
            _ledger?.Observe(datagram);
        }

        switch (datagram.Kind)
        {
            case TrafficKind.Ike:
            case TrafficKind.IkeNatT:
                _ike.Observe(datagram);
                break;
            case TrafficKind.NatKeepalive:
                _model.NatKeepalives[datagram.Source] = _model.NatKeepalives.GetValueOrDefault(datagram.Source) + 1;
                break;
            case TrafficKind.Esp:
            case TrafficKind.EspInUdp:
            case TrafficKind.Ah:
                _esp.Observe(datagram);
                _sealed.Observe(datagram);
                break;
            case TrafficKind.L2tp:
                _l2tp.Observe(datagram);
                break;
            case TrafficKind.PptpControl:
            case TrafficKind.Gre:
            case TrafficKind.Ppp:
                _pptp.Observe(datagram);
                break;
        }
    }

    public void OnIncompleteDatagram(IncompleteIpDatagram datagram)
    {
        if (_model.IncompleteDatagrams.Count < _limits.MaxIncompleteDatagramsListed)
        {
            _model.IncompleteDatagrams.Add(datagram);
        }
        else
        {
            // Still handed to IKE below, so lost IKE fragments are diagnosed; only the list stops.
            _unlistedIncomplete++;
            _firstUnlistedIncomplete ??= datagram.Fragments.Count > 0 ? datagram.Fragments[0] : null;
        }

        _ike.ObserveIncomplete(datagram);
        _ledger?.ObserveIncomplete(datagram);
    }

    public void OnDiagnostic(InputDiagnostic diagnostic)
    {
        if (_model.Diagnostics.Count < MaxDiagnostics)
        {
            _model.Diagnostics.Add(diagnostic);
        }
        else
        {
            _droppedDiagnostics++;
        }
    }

    /// <summary>Finishes every tracker and returns the capture's model with the decode stage's counts.</summary>
    public CaptureModel Complete(DecodeSummary summary)
    {
        CaptureStatistics statistics = _model.Statistics;
        statistics.Frames = summary.Frames;
        statistics.Bytes = summary.Bytes;
        statistics.FirstTime = summary.FirstTime;
        statistics.LastTime = summary.LastTime;
        foreach (KeyValuePair<TrafficKind, long> pair in summary.CountsByKind)
        {
            statistics.ByKind[pair.Key] = pair.Value;
        }

        statistics.OtherFrames = summary.OtherFrames;
        statistics.TruncatedFrames = summary.TruncatedFrames;
        statistics.SnapLength = summary.SnapLength > 0 ? summary.SnapLength : null;
        statistics.UndecodableFrames = summary.UndecodableFrames;
        statistics.ChecksumErrors = summary.ChecksumErrors;
        statistics.EndCutAt = summary.EndCutAt;
        statistics.EndCutFrame = summary.EndCutFrame;

        _ike.Complete(_model);
        _esp.Complete(_model);
        _l2tp.Complete(_model);
        _pptp.Complete(_model);
        _sealed.Complete(_model);
        _model.Ledger = _ledger;
        if (_ledger is not null)
        {
            _model.Diagnostics.AddRange(_ledger.Diagnostics);
        }

        if (_unlistedIncomplete > 0)
        {
            _model.Diagnostics.Add(new InputDiagnostic(_model.Input.DisplayName, null, _firstUnlistedIncomplete?.Frame,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"more than {_limits.MaxIncompleteDatagramsListed} incomplete IP datagrams; {_unlistedIncomplete} later ones (the first in frame {_firstUnlistedIncomplete?.Frame}) are not listed")));
        }

        if (_droppedDiagnostics > 0)
        {
            _model.Diagnostics.Add(new InputDiagnostic(_model.Input.DisplayName, null, null,
                $"{_droppedDiagnostics} further warnings not listed"));
        }

        return _model;
    }
}

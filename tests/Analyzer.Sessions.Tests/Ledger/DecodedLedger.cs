using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Sessions.Tests.Ledger;

/// <summary>A capture run through vpndiag's own decoder into a packet ledger, as the session stage does it.</summary>
internal sealed class DecodedLedger : IVpnTrafficSink
{
    private DecodedLedger(PacketLedger ledger) => Ledger = ledger;

    public PacketLedger Ledger { get; }

    public List<InputDiagnostic> Diagnostics { get; } = [];

    public static (PacketLedger Ledger, DecodeSummary Summary) Decode(AnalysisInput input, AnalysisLimits? limits = null)
    {
        limits ??= AnalysisLimits.Default;
        var sink = new DecodedLedger(new PacketLedger(input, limits));
        DecodeSummary summary = CaptureDecoder.Decode(input, sink, limits, CancellationToken.None);
        return (sink.Ledger, summary);
    }

    public void OnDatagram(in VpnDatagram datagram) => Ledger.Observe(datagram);

    public void OnIncompleteDatagram(IncompleteIpDatagram datagram) => Ledger.ObserveIncomplete(datagram);

    public void OnDiagnostic(InputDiagnostic diagnostic) => Diagnostics.Add(diagnostic);
}

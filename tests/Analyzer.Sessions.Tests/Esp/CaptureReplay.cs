using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Pptp;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>
/// This area's trackers (ESP, L2TP, PPTP) alone, without the IKE SAs, over a capture's decoded
/// datagrams or datagrams built by a test: what they find on their own. The whole session stage
/// over a capture is <see cref="DecodedCapture"/>.
/// </summary>
internal static class CaptureReplay
{
    public static CaptureModel Shared(string relativePath)
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), relativePath);
        if (!File.Exists(path))
        {
            Assert.Skip("../shared/captures/" + relativePath + " is absent");
        }

        return Run(DecodedDatagrams.Read(path));
    }

    /// <summary>A lab capture under samples/captures (skips when the lab has not produced it).</summary>
    public static CaptureModel Sample(string relativePath)
    {
        string path = Path.Combine(RepoPaths.Samples, "captures", relativePath);
        if (!File.Exists(path))
        {
            Assert.Skip("samples/captures/" + relativePath + " is absent");
        }

        return Run(DecodedDatagrams.Read(path));
    }

    /// <summary>Datagrams through this area's trackers; <paramref name="ikeStage"/> stands in for the IKE SAs.</summary>
    public static CaptureModel Run(IEnumerable<CapturedDatagram> datagrams, Action<CaptureModel>? ikeStage = null)
    {
        var input = new AnalysisInput(0, "test.pcap", "test.pcap", InputKind.Pcap);
        var esp = new EspFlowTracker(input, AnalysisLimits.Default);
        var l2tp = new L2tpTunnelTracker(input, AnalysisLimits.Default);
        var pptp = new PptpTracker(input, AnalysisLimits.Default);
        foreach (CapturedDatagram captured in datagrams)
        {
            VpnDatagram datagram = captured.ToDatagram();
            esp.Observe(datagram);
            l2tp.Observe(datagram);
            pptp.Observe(datagram);
        }

        var model = new CaptureModel(input);
        ikeStage?.Invoke(model);
        esp.Complete(model);
        l2tp.Complete(model);
        pptp.Complete(model);
        return model;
    }
}

using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;
using Analyzer.Sessions.Ledger;
using Analyzer.Sessions.Tests.Ledger;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Paths;

/// <summary>Capture models with packet ledgers, built from the lab's paired captures (samples/captures/&lt;scenario&gt;/).</summary>
internal static class LabCaptures
{

    /// <summary>The scenario's directory, or skips: the lab's samples reach the repository when the lead merges them.</summary>
    public static string Scenario(string name)
    {
        string directory = Path.Combine(RepoPaths.Samples, "captures", name);
        if (!Directory.Exists(directory))
        {
            // Local experiments before the merge may point here at the lab's worktree.
            string? lab = Environment.GetEnvironmentVariable("VPNDIAG_LAB_SAMPLES");
            directory = lab is null ? directory : Path.Combine(lab, "captures", name);
        }

        if (!File.Exists(Path.Combine(directory, "client.pcap")) || !File.Exists(Path.Combine(directory, "server.pcap")))
        {
            Assert.Skip($"samples/captures/{name}/ with client.pcap and server.pcap is absent (the lab's samples are not merged yet)");
        }

        return directory;
    }

    public static string Pcap(string scenario, string side) => Path.Combine(Scenario(scenario), side + ".pcap");

    /// <summary>One model per file, input indices in the order given, each with its ledger and frame time span, through vpndiag's decoder.</summary>
    public static List<CaptureModel> Load(params string[] paths)
    {
        var models = new List<CaptureModel>();
        for (int i = 0; i < paths.Length; i++)
        {
            var input = new AnalysisInput(i, paths[i], DisplayName(paths[i]), InputKind.Pcap);
            (PacketLedger ledger, DecodeSummary summary) = DecodedLedger.Decode(input);
            var model = new CaptureModel(input) { Ledger = ledger };
            model.Statistics.FirstTime = summary.FirstTime;
            model.Statistics.LastTime = summary.LastTime;
            models.Add(model);
        }

        return models;
    }

    /// <summary>The same through tshark, the oracle: shows the comparison does not hinge on vpndiag's decoder.</summary>
    public static List<CaptureModel> LoadWithTshark(params string[] paths)
    {
        var models = new List<CaptureModel>();
        for (int i = 0; i < paths.Length; i++)
        {
            var input = new AnalysisInput(i, paths[i], DisplayName(paths[i]), InputKind.Pcap);
            TsharkCapture capture = TsharkTraffic.Read(paths[i]);
            var ledger = new PacketLedger(input, AnalysisLimits.Default);
            TsharkTraffic.Feed(capture, i, (in VpnDatagram d) => ledger.Observe(d));
            var model = new CaptureModel(input) { Ledger = ledger };
            model.Statistics.FirstTime = capture.FirstTime;
            model.Statistics.LastTime = capture.LastTime;
            models.Add(model);
        }

        return models;
    }

    private static string DisplayName(string path) => Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
}

using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;
using Analyzer.Sessions.Ledger;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Paths;

/// <summary>Capture models with packet ledgers, built from the lab's paired captures (samples/captures/&lt;scenario&gt;/).</summary>
internal static class LabCaptures
{

    /// <summary>
    /// samples/ of this repository; VPNDIAG_LAB_SAMPLES points elsewhere (the lab's worktree) for
    /// local runs before the lead merges new scenarios.
    /// </summary>
    public static string SamplesRoot => Environment.GetEnvironmentVariable("VPNDIAG_LAB_SAMPLES") ?? RepoPaths.Samples;

    /// <summary>The scenario's directory, or skips: the lab's samples reach the repository when the lead merges them.</summary>
    public static string Scenario(string name)
    {
        string directory = Path.Combine(SamplesRoot, "captures", name);
        if (!File.Exists(Path.Combine(directory, "client.pcap")) || !File.Exists(Path.Combine(directory, "server.pcap")))
        {
            Assert.Skip($"samples/captures/{name}/ with client.pcap and server.pcap is absent (the lab's samples are not merged yet)");
        }

        return directory;
    }

    public static string Pcap(string scenario, string side)
    {
        string path = Path.Combine(Scenario(scenario), side + ".pcap");
        if (!File.Exists(path))
        {
            Assert.Skip($"samples/captures/{scenario}/{side}.pcap is absent");
        }

        return path;
    }

    /// <summary>One model per file, input indices in the order given, each with its ledger and frame time span, through vpndiag's decoder.</summary>
    public static List<CaptureModel> Load(params string[] paths) => Load([.. paths.Select(p => (p, AnalysisLimits.Default))]);

    /// <summary>As <see cref="Load(string[])"/>, each file with its own limits.</summary>
    public static List<CaptureModel> Load(params (string Path, AnalysisLimits Limits)[] files)
    {
        var models = new List<CaptureModel>();
        for (int i = 0; i < files.Length; i++)
        {
            // The ledger and time span only, as the tshark-fed models have them: the path tests compare
            // the two and set what IKE would add (NAT discovery) themselves.
            CaptureModel decoded = DecodedCapture.Reconstruct(files[i].Path, limits: files[i].Limits, inputIndex: i, displayName: DisplayName(files[i].Path));
            var model = new CaptureModel(decoded.Input) { Ledger = decoded.Ledger };
            model.Statistics.FirstTime = decoded.Statistics.FirstTime;
            model.Statistics.LastTime = decoded.Statistics.LastTime;
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

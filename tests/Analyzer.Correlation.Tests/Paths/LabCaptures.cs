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
    /// <summary>tshark output per file and modification time: the same sample is read by many tests.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, DateTime), TsharkCapture> Read = new();

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

    /// <summary>One model per file, input indices in the order given, each with its ledger and frame time span.</summary>
    public static List<CaptureModel> Load(params string[] paths)
    {
        var models = new List<CaptureModel>();
        for (int i = 0; i < paths.Length; i++)
        {
            string displayName = Path.GetFileName(Path.GetDirectoryName(paths[i])) + "/" + Path.GetFileName(paths[i]);
            var input = new AnalysisInput(i, paths[i], displayName, InputKind.Pcap);
            TsharkCapture capture = Read.GetOrAdd((paths[i], File.GetLastWriteTimeUtc(paths[i])), key => TsharkTraffic.Read(key.Item1));
            var ledger = new PacketLedger(input, AnalysisLimits.Default);
            TsharkTraffic.Feed(capture, i, (in VpnDatagram d) => ledger.Observe(d));
            var model = new CaptureModel(input) { Ledger = ledger };
            model.Statistics.FirstTime = capture.FirstTime;
            model.Statistics.LastTime = capture.LastTime;
            models.Add(model);
        }

        return models;
    }
}

using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// The strongSwan/xl2tpd lab's scenarios (samples/captures/&lt;scenario&gt;/): each README says how the
/// capture was made and what it shows.
/// </summary>
internal static class LabScenario
{
    public static string Require(string scenario, string side = "client")
    {
        string path = Path.Combine(RepoPaths.Samples, "captures", scenario, side + ".pcap");
        if (File.Exists(path))
        {
            return path;
        }

        Assert.Skip($"lab scenario {scenario} ({side}.pcap) is not present");
        return string.Empty;
    }

    /// <summary>The capture reconstructed with the keys charon logged for it, when the lab stored them.</summary>
    public static CaptureModel Reconstruct(string scenario, string side = "client", Analyzer.Core.AnalysisLimits? limits = null)
    {
        string path = Require(scenario, side);
        string table = Path.Combine(Path.GetDirectoryName(path)!, "ikev1-decryption-table");
        return DecodedCapture.Reconstruct(path, File.Exists(table) ? IkeKeyTable.Load(table) : null, limits);
    }
}

using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// The strongSwan/xl2tpd lab's scenarios (samples/captures/&lt;scenario&gt;/, or the lab worktree before
/// the lead merges them): each README says how the capture was made and what it shows.
/// </summary>
internal static class LabScenario
{
    public static string Require(string scenario, string side = "client")
    {
        foreach (string root in new[] { Path.Combine(RepoPaths.Samples, "captures"), "/work/wt/lab/samples/captures" })
        {
            string path = Path.Combine(root, scenario, side + ".pcap");
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Skip($"lab scenario {scenario} ({side}.pcap) is not present");
        return string.Empty;
    }

    /// <summary>The capture reconstructed with the keys charon logged for it, when the lab stored them.</summary>
    public static CaptureModel Reconstruct(string scenario, string side = "client")
    {
        string path = Require(scenario, side);
        string table = Path.Combine(Path.GetDirectoryName(path)!, "ikev1-decryption-table");
        return DecodedCapture.Reconstruct(path, File.Exists(table) ? IkeKeyTable.Load(table) : null);
    }
}

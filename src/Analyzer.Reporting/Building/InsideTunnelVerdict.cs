using Analyzer.Correlation.Attempts;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>
/// What the verdict adds when IPsec came up but the L2TP and PPP inside it were never seen: the
/// attempt stages (issue 18, the correlation stage's answer) say ESP passed and the L2TP tunnel is
/// unknown with no L2TP tunnel in the attempt, i.e. it rode inside ESP without a key. Then no finding
/// can name the inner cause (a wrong password, no address), and "IPsec is up" alone reads as "all is
/// well": the verdict says plainly what would decide it.
/// </summary>
internal static class InsideTunnelVerdict
{
    public const string Sentence =
        "The L2TP tunnel and the PPP session (user authentication, address assignment) ride inside ESP and were not decrypted, "
        + "so these inputs cannot tell whether anything failed inside the tunnel. What decides it: the ESP keys "
        + "(Wireshark's esp_sa table, the server's ip xfrm state output with its keys, or a strongSwan charon log at chd 4, given with --keys), "
        + "or the client's RasClient events (Application log, events 20227/20226 carry the Windows error number, such as 691 for a rejected password).";

    public const string FirstAction =
        "Collect the server's ESP keys (ip xfrm state as root, or charon logging at chd 4) or the client's Application log (RasClient events), and analyse again with them.";

    /// <summary>True when some attempt got through ESP while its L2TP stayed unseen inside it.</summary>
    public static bool Applies(AttemptSet attempts)
    {
        foreach (ConnectionAttempt attempt in attempts.Attempts)
        {
            if (attempt[AttemptStage.Esp].Outcome == StageOutcome.Passed
                && attempt[AttemptStage.L2tpTunnel].Outcome == StageOutcome.Unknown
                && attempt.L2tpTunnels.Count == 0
                && attempt.FailedStage is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The verdict with the sentence added, unless an error already names a cause.</summary>
    public static ReportVerdict Extend(ReportVerdict verdict)
    {
        if (verdict.Severity == "error")
        {
            return verdict;
        }

        return verdict.Rule is null
            ? new ReportVerdict("info", null, "IPsec is up; the inside of the tunnel is not visible", Sentence, FirstAction)
            : verdict with
            {
                Sentence = verdict.Sentence + " " + Sentence,
                // An information verdict's own action ("nothing to do for IPsec") does not help here; a warning's still comes first.
                FirstAction = verdict.Severity == "warning" ? verdict.FirstAction ?? FirstAction : FirstAction,
            };
    }
}

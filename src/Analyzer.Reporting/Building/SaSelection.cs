using Analyzer.Correlation;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The IKE SAs a report lists when a case has more than it can usefully hold (a busy concentrator,
/// an IKE flood): those whose messages findings cite, then those that did not come up, then the
/// rest, each group in capture order, up to the bound.
/// </summary>
internal static class SaSelection
{
    public static HashSet<IkeSa> Select(Case @case, HashSet<(int Input, long Frame)> citedFrames, int max)
    {
        List<IkeSa> cited = [];
        List<IkeSa> failed = [];
        List<IkeSa> rest = [];
        foreach (CaptureModel capture in @case.Captures)
        {
            foreach (IkeSa sa in capture.IkeSas)
            {
                List<IkeSa> group = IsCited(sa, citedFrames) ? cited
                    : sa.State is IkeSaState.Established or IkeSaState.Deleted ? rest
                    : failed;
                group.Add(sa);
            }
        }

        var selected = new HashSet<IkeSa>(ReferenceEqualityComparer.Instance);
        foreach (IkeSa sa in cited.Concat(failed).Concat(rest))
        {
            if (selected.Count >= max)
            {
                break;
            }

            selected.Add(sa);
        }

        return selected;
    }

    private static bool IsCited(IkeSa sa, HashSet<(int Input, long Frame)> citedFrames)
    {
        foreach (IkeMessage message in sa.Messages)
        {
            if (citedFrames.Contains((message.Frame.InputIndex, message.Frame.Frame)))
            {
                return true;
            }
        }

        return false;
    }
}

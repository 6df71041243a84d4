using Analyzer.Correlation;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The IKE SAs a report lists when a case has more than it can usefully hold (a busy concentrator,
/// an IKE flood): those whose messages findings cite, then those that did not come up, then the
/// rest, each group in capture order, up to the bound.
/// </summary>
internal static class SaSelection
{
    public static HashSet<IkeSa> Select(Case @case, HashSet<(int Input, long Frame)> citedFrames, int max) =>
        RankedSelection.Take(@case.Captures.SelectMany(c => c.IkeSas), 3, sa => Rank(sa, citedFrames), max);

    /// <summary>0 cited by a finding, 1 did not come up, 2 the rest.</summary>
    private static int Rank(IkeSa sa, HashSet<(int Input, long Frame)> citedFrames) =>
        IsCited(sa, citedFrames) ? 0 : sa.State is IkeSaState.Established or IkeSaState.Deleted ? 2 : 1;

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

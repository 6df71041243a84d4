using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The verdict qualified by captures that cannot hold the whole story: a file whose end cut its last
/// record short (copied, uploaded or written out before the capture was stopped), or one that holds
/// no packet at all. What such a file does not hold can be neither confirmed nor ruled out, so "no
/// problem" becomes a warning that says so, and any other verdict carries the sentence.
/// </summary>
internal static class IncompleteCaptureVerdict
{
    private const string CopyAgain = "Stop the capture before copying it, then send the whole file again.";

    public static ReportVerdict Qualify(ReportVerdict verdict, BuildContext context)
    {
        string? missing = Missing(context);
        return missing is null ? verdict
            : VerdictCaveat.Add(verdict, missing, "A capture is incomplete",
                "No failure was found in what the inputs hold, but what is missing cannot be checked.", CopyAgain, raisesInfo: false);
    }

    /// <summary>One sentence per incomplete capture, from its typed statistics; null when none is.</summary>
    private static string? Missing(BuildContext context)
    {
        var sentences = new List<string>();
        foreach (var capture in context.Case.Captures)
        {
            // The input's name is already made safe (and scrubbed when redacting) by InputName; the rest is ours.
            string name = context.InputName(capture.Input.Index);
            // A cut inside the first record is a cut, not an empty capture: the file says more was written.
            if (capture.Statistics.EndCutAt is long offset)
            {
                string where = capture.Statistics.EndCutFrame is long frame
                    ? string.Create(CultureInfo.InvariantCulture, $"inside frame {frame} (offset 0x{offset:X})")
                    : string.Create(CultureInfo.InvariantCulture, $"at offset 0x{offset:X}");
                sentences.Add(name + " ends " + where + ", cut short: whatever was captured after it is missing.");
            }
            else if (capture.Statistics.Frames == 0)
            {
                sentences.Add(name + " holds no packets.");
            }
        }

        return sentences.Count == 0 ? null : string.Join(" ", sentences);
    }
}

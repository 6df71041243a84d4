using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Html;

/// <summary>
/// The merged timeline as a strip chart: one row per input, one dot per capture message or log
/// record at its time (log records at their clock-corrected time where known), failures red.
/// Every dot has its text as a tooltip; the table under the chart has the same rows in full.
/// </summary>
internal static class TimelineChart
{
    private const int Width = 920;
    private const int Margin = 190;
    private const int RowHeight = 26;
    private const int MaxDots = 4000;

    private static readonly (string Source, string Label)[] Legend =
        [("ike", "IKE"), ("esp", "ESP"), ("l2tp", "L2TP"), ("pptp", "PPTP"), ("ppp", "PPP"), ("event", "log record"), ("failure", "failure")];

    public static string Render(IReadOnlyList<ReportTimelineEntry> timeline)
    {
        var inputs = new List<string>();
        double min = double.MaxValue;
        double max = double.MinValue;
        foreach (ReportTimelineEntry entry in timeline)
        {
            if (!inputs.Contains(entry.Input))
            {
                inputs.Add(entry.Input);
            }

            double t = Seconds(entry);
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        int height = 40 + (inputs.Count * RowHeight) + 50;
        var svg = new SvgCanvas(Width, height, "Timeline of capture messages and log records");
        double span = Math.Max(max - min, 1e-6);
        double plotWidth = Width - Margin - 20;
        double X(double t) => Margin + ((t - min) / span * plotWidth);

        for (int row = 0; row < inputs.Count; row++)
        {
            double y = 30 + (row * RowHeight);
            svg.Text(6, y + 4, inputs[row], "tl-input", "start", 30);
            svg.Line(Margin, y, Width - 20, y, "tl-row");
        }

        double axisY = 30 + (inputs.Count * RowHeight);
        svg.Line(Margin, axisY, Width - 20, axisY, "tl-axis");
        for (int tick = 0; tick <= 4; tick++)
        {
            double t = min + (span * tick / 4);
            double x = X(t);
            svg.Line(x, axisY, x, axisY + 5, "tl-axis");
            string label = DateTime.UnixEpoch.AddSeconds(t).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            svg.Text(x, axisY + 18, label, "tl-tick", tick == 0 ? "start" : tick == 4 ? "end" : "middle", 16);
        }

        double legendX = Margin;
        foreach ((string source, string label) in Legend)
        {
            svg.Circle(legendX, height - 12, source == "failure" ? 6 : 4, "tl-dot tl-" + source);
            svg.Text(legendX + 9, height - 8, label, "tl-tick", "start", 16);
            legendX += 90;
        }

        svg.Text(Margin, 14, string.Create(CultureInfo.InvariantCulture, $"{timeline.Count} entries over {max - min:0.###} s (UTC)"), "tl-caption", "start", 80);
        int drawn = 0;
        foreach (ReportTimelineEntry entry in timeline)
        {
            if (drawn++ >= MaxDots)
            {
                break;
            }

            double y = 30 + (inputs.IndexOf(entry.Input) * RowHeight);
            string css = entry.Failure ? "tl-dot tl-failure" : "tl-dot tl-" + entry.Source;
            string where = entry.Frame is long frame ? "frame " + frame.ToString(CultureInfo.InvariantCulture)
                : entry.Record is long record ? "record " + record.ToString(CultureInfo.InvariantCulture) : string.Empty;
            svg.Circle(X(Seconds(entry)), y, entry.Failure ? 6 : 4, css, (entry.CorrectedTime ?? entry.Time) + " " + where + ": " + entry.Text);
        }

        return svg.ToSvg();
    }

    private static double Seconds(ReportTimelineEntry entry) => IsoTime.SecondsOrZero(entry.CorrectedTime ?? entry.Time);
}

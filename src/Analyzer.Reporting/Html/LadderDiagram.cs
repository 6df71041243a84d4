using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Reporting.Html;

/// <summary>How a ladder arrow is drawn.</summary>
internal enum LadderStyle : byte
{
    Normal,
    /// <summary>A repeat of an earlier message: dashed.</summary>
    Retransmission,
    /// <summary>An error notify, a StopCCN/CDN with an error, a modified packet: red.</summary>
    Failure,
    /// <summary>Sent and never answered: arrow plus a "no answer" tag at the receiver.</summary>
    Unanswered,
    /// <summary>Vanished on the way: the arrow stops at <see cref="LadderStep.StopAt"/> with an ✕.</summary>
    Lost,
    /// <summary>Bookkeeping (ZLB acknowledgements): grey.</summary>
    Muted,
}

internal sealed record LadderLane(string Title, string Subtitle);

/// <param name="Left">Time and frame, written in the left margin.</param>
/// <param name="StopAt">For <see cref="LadderStyle.Lost"/>: where the arrow ends, in lane units (1.5 = halfway between lanes 1 and 2).</param>
internal sealed record LadderStep(int From, int To, string Label, string Left, LadderStyle Style, double? StopAt = null);

/// <summary>
/// A sequence ("ladder") diagram: one vertical lane per party, one arrow per message in time
/// order. The IKE, L2TP and path diagrams are all drawn by this one renderer.
/// </summary>
internal static class LadderDiagram
{
    private const int Width = 920;
    private const int Margin = 170;
    private const int HeaderHeight = 54;
    private const int RowHeight = 30;
    private const int LaneInset = 110;

    /// <summary>Beyond this many arrows a ladder stops being readable; the tables and JSON keep every message.</summary>
    public const int MaxSteps = 250;

    public static string Render(string label, IReadOnlyList<LadderLane> lanes, IReadOnlyList<LadderStep> allSteps)
    {
        IReadOnlyList<LadderStep> steps = allSteps.Count > MaxSteps ? [.. allSteps.Take(MaxSteps)] : allSteps;
        int omitted = allSteps.Count - steps.Count;
        int height = HeaderHeight + ((steps.Count + (omitted > 0 ? 2 : 1)) * RowHeight);
        var svg = new SvgCanvas(Width, height, label);
        double span = Width - Margin - (2 * LaneInset);
        double LaneX(double lane) => Margin + LaneInset + (lanes.Count <= 1 ? 0 : lane * span / (lanes.Count - 1));

        for (int i = 0; i < lanes.Count; i++)
        {
            double x = LaneX(i);
            svg.Rect(x - 80, 4, 160, 40, "ld-lane-box");
            svg.Text(x, 20, lanes[i].Title, "ld-lane-title", "middle", 26);
            svg.Text(x, 36, lanes[i].Subtitle, "ld-lane-sub", "middle", 30);
            svg.Line(x, 44, x, height - 6, "ld-lifeline");
        }

        for (int row = 0; row < steps.Count; row++)
        {
            LadderStep step = steps[row];
            double y = HeaderHeight + ((row + 1) * RowHeight) - 6;
            string css = step.Style switch
            {
                LadderStyle.Retransmission => "ld-retx",
                LadderStyle.Failure => "ld-fail",
                LadderStyle.Unanswered => "ld-unanswered",
                LadderStyle.Lost => "ld-lost",
                LadderStyle.Muted => "ld-muted",
                _ => "ld-normal",
            };
            double x1 = LaneX(step.From);
            double x2 = step.Style == LadderStyle.Lost && step.StopAt is double stop ? LaneX(stop) : LaneX(step.To);
            bool right = x2 >= x1;
            svg.Text(6, y + 4, step.Left, "ld-left", "start", 28);
            svg.Line(x1, y, x2, y, css);
            if (step.Style == LadderStyle.Lost)
            {
                svg.Cross(x2, y, "ld-cross");
            }
            else
            {
                svg.ArrowHead(x2, y, right, css + "-head");
            }

            if (step.Style == LadderStyle.Unanswered)
            {
                svg.Text(x2 + (right ? 10 : -10), y + 4, "no answer", "ld-tag", right ? "start" : "end", 20);
            }

            svg.Text((x1 + x2) / 2, y - 5, step.Label, "ld-label " + css + "-text", "middle", 70);
        }

        if (omitted > 0)
        {
            svg.Text(Margin, HeaderHeight + ((steps.Count + 1) * RowHeight) + 4,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"… {omitted} more messages: see the table below and the JSON report"), "ld-label ld-muted-text", "start", 90);
        }

        return svg.ToSvg();
    }

    /// <summary>"+0.512 s · #12": the time since the first message and the frame.</summary>
    public static string LeftNote(double secondsSinceStart, long frame) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"+{secondsSinceStart:0.000} s  #{frame}");

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Payload types abbreviated for a one-line arrow label (Security Association → "SA"), repeats counted.</summary>
    public static string Payloads(IReadOnlyList<int> payloadTypes)
    {
        var shortNames = new List<string>(payloadTypes.Count);
        string? previous = null;
        int repeat = 0;
        foreach (int payloadType in payloadTypes)
        {
            string name = payloadType is >= 0 and <= byte.MaxValue ? PayloadAbbreviations.Of((PayloadType)payloadType) : payloadType.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (name == previous)
            {
                repeat++;
                shortNames[^1] = name + "×" + (repeat + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            previous = name;
            repeat = 0;
            shortNames.Add(name);
        }

        return string.Join(" ", shortNames);
    }
}

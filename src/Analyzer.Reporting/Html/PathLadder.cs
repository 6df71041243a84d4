using System.Globalization;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;

namespace Analyzer.Reporting.Html;

/// <summary>
/// The path of one conversation: the client and its capture on one side, the server's capture and
/// the server on the other (a capture in between gets its own lane). Per direction and protocol an
/// arrow shows what arrived; what was lost stops with an ✕ between the captures, where it vanished.
/// </summary>
internal static class PathLadder
{
    private const int LostFramesDrawn = 6;

    public static string Render(ReportPath path)
    {
        var points = new List<ReportVantagePoint>(path.Captures);
        points.Sort(static (a, b) => Rank(a.Role).CompareTo(Rank(b.Role)));
        var lanes = new List<LadderLane> { new("Client", "host") };
        foreach (ReportVantagePoint point in points)
        {
            lanes.Add(new LadderLane(point.Role + " capture", point.Input));
        }

        lanes.Add(new LadderLane("Server", "host"));
        int last = lanes.Count - 1;

        // Where a lost packet vanished: between the outermost captures.
        double vanish = points.Count >= 2 ? (1 + points.Count) / 2.0 : last / 2.0;
        var steps = new List<LadderStep>();
        foreach (ReportPathDirection direction in path.Directions)
        {
            bool fromClient = direction.From == "client";
            int from = fromClient ? 0 : last;
            int to = fromClient ? last : 0;
            string protocol = ReportLabels.Protocol(direction.Protocol);
            string left = direction.From + " → " + direction.To;
            if (direction.Received > 0 || direction.Lost == 0)
            {
                steps.Add(new LadderStep(from, to,
                    string.Create(CultureInfo.InvariantCulture, $"{protocol}: {direction.Received} of {direction.Sent} arrived"), left, LadderStyle.Normal));
            }

            if (direction.Lost > 0)
            {
                steps.Add(new LadderStep(from, to,
                    string.Create(CultureInfo.InvariantCulture, $"{protocol}: {direction.Lost} of {direction.Sent} lost in between"), left, LadderStyle.Lost, vanish));
                for (int i = 0; i < direction.LostFrames.Count && i < LostFramesDrawn; i++)
                {
                    ReportFrame frame = direction.LostFrames[i];
                    steps.Add(new LadderStep(from, to, string.Create(CultureInfo.InvariantCulture, $"{protocol} frame {frame.Frame} never arrived"),
                        ReportLabels.TimeOfDay(frame.Time), LadderStyle.Lost, vanish));
                }
            }

            foreach (ReportModifiedPacket modified in direction.Modified)
            {
                steps.Add(new LadderStep(from, to, string.Create(CultureInfo.InvariantCulture,
                    $"{protocol} frame {modified.Sent.Frame} arrived changed as {modified.Received.Frame}: {modified.DifferingBytes} bytes"),
                    ReportLabels.TimeOfDay(modified.Sent.Time), LadderStyle.Failure));
            }
        }

        return LadderDiagram.Render("Path " + PathsMarkdownRoute(path), lanes, steps);
    }

    private static int Rank(string role) => role switch
    {
        "client" => 0,
        "between" => 1,
        "server" => 2,
        _ => 1,
    };

    private static string PathsMarkdownRoute(ReportPath path)
    {
        var parts = new List<string>();
        foreach (ReportVantagePoint point in path.Captures)
        {
            parts.Add(point.Role + " " + point.Input);
        }

        return string.Join(", ", parts);
    }
}

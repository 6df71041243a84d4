using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>One section per conversation seen from two vantage points: client → (NAT) → server, counts per direction and protocol.</summary>
internal sealed class PathsMarkdown : IMarkdownSection
{
    private const int LostFramesShown = 5;

    public void Write(ReportDocument document, MarkdownOut output)
    {
        if (document.Paths.Count == 0)
        {
            return;
        }

        output.Heading(2, "Paths between vantage points");
        for (int i = 0; i < document.Paths.Count; i++)
        {
            ReportPath path = document.Paths[i];
            output.Heading(3, string.Create(CultureInfo.InvariantCulture, $"Path {i + 1}: ") + MarkdownText.Escape(Route(path)));
            output.Table(["Capture", "Vantage point", "Why"], path.Captures.Select(c => new[]
            {
                MarkdownText.Cell(c.Input), MarkdownText.Cell(c.Role), MarkdownText.Cell(c.Reason),
            }));
            var facts = new List<string>();
            if (path.ClockOffsetSeconds is double offset)
            {
                facts.Add(string.Create(CultureInfo.InvariantCulture, $"Clock offset (server capture − client capture): {offset:0.######} s"));
            }

            foreach (KeyValuePair<string, double> transit in path.TransitSeconds)
            {
                facts.Add(MarkdownText.Escape(transit.Key) + string.Create(CultureInfo.InvariantCulture, $" one-way transit: {transit.Value * 1000:0.###} ms"));
            }

            foreach (ReportTranslation translation in path.Translations)
            {
                string agreed = translation.NatDiscoveryAgreed switch
                {
                    true => "NAT-D agrees",
                    false => "NAT-D disagrees",
                    null => "no NAT-D to compare",
                };
                facts.Add("NAT " + MarkdownText.Escape(ReportLabels.Protocol(translation.Protocol) + ": " + translation.Inside + " → " + translation.Outside) + " (" + agreed + ")");
            }

            output.Bullets(facts);
            output.Diagram("path-" + i.ToString(CultureInfo.InvariantCulture));
            output.Table(["Direction", "Protocol", "Sent", "Received", "Lost", "First lost frames", "Modified in transit"], path.Directions.Select(d => new[]
            {
                MarkdownText.Escape(d.From + " → " + d.To), MarkdownText.Escape(ReportLabels.Protocol(d.Protocol)),
                d.Sent.ToString(CultureInfo.InvariantCulture), d.Received.ToString(CultureInfo.InvariantCulture),
                d.Lost > 0 ? "**" + d.Lost.ToString(CultureInfo.InvariantCulture) + "**" : "0",
                MarkdownText.Cell(LostFrames(d)),
                MarkdownText.Cell(string.Join("; ", d.Modified.Select(m => string.Create(CultureInfo.InvariantCulture,
                    $"frame {m.Sent.Frame} → {m.Received.Frame}: {m.DifferingBytes} bytes from offset {m.FirstDifferingOffset} ({m.Description})")))),
            }));
        }
    }

    /// <summary>"client (a.pcap) → NAT → server (b.pcap)".</summary>
    internal static string Route(ReportPath path)
    {
        var parts = new List<string>();
        foreach (ReportVantagePoint point in path.Captures)
        {
            parts.Add(point.Role + " (" + point.Input + ")");
        }

        if (path.Translations.Count > 0)
        {
            parts.Insert(Math.Min(1, parts.Count), "NAT");
        }

        return string.Join(" → ", parts);
    }

    private static string LostFrames(ReportPathDirection direction)
    {
        if (direction.LostFrames.Count == 0)
        {
            return string.Empty;
        }

        string shown = string.Join(", ", direction.LostFrames.Take(LostFramesShown).Select(f => f.Frame.ToString(CultureInfo.InvariantCulture)));
        string more = direction.LostFrames.Count > LostFramesShown ? " …" : string.Empty;
        return direction.LostFrames[0].Input + ": " + shown + more;
    }
}

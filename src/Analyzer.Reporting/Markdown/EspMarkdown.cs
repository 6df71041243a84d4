using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>ESP flows per SPI and direction, with loss and replay counts.</summary>
internal sealed class EspMarkdown : IMarkdownSection
{
    public void Write(ReportDocument document, MarkdownOut output)
    {
        if (document.Esp.Flows.Count == 0)
        {
            return;
        }

        output.Heading(2, "ESP flows");
        output.Table(
            ["Capture", "SPI", "Source → destination", "Encapsulation", "Packets", "Bytes", "Frames", "Sequence gaps", "Duplicates", "Notes"],
            document.Esp.Flows.Select(f => new[]
            {
                MarkdownText.Cell(f.Input), MarkdownText.Code(f.Spi), MarkdownText.Escape(f.Src + " → " + f.Dst),
                f.Encapsulation == "udp" ? "UDP 4500" : "ESP (IP 50)",
                f.Packets.ToString(CultureInfo.InvariantCulture), f.Bytes.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{f.FirstFrame}–{f.LastFrame}"),
                f.SequenceGaps.ToString(CultureInfo.InvariantCulture), f.Duplicates.ToString(CultureInfo.InvariantCulture),
                MarkdownText.Cell(Notes(f)),
            }),
            500);
    }

    private static string Notes(ReportEspFlow flow)
    {
        var notes = new List<string>();
        if (flow.PairedSpi is not null)
        {
            notes.Add("pairs with " + flow.PairedSpi + (flow.PairedBy is null ? string.Empty : " (" + flow.PairedBy + ")"));
        }

        if (flow.WithoutIkeSa)
        {
            notes.Add("no IKE SA in the capture");
        }

        if (flow.PacketsAfterDelete > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{flow.PacketsAfterDelete} packets after Delete"));
        }

        if (flow.Resets > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"sequence reset {flow.Resets}×"));
        }

        return string.Join("; ", notes);
    }
}

using System.Globalization;

namespace Analyzer.Reporting.Html;

/// <summary>
/// The SVG for each diagram placeholder the Markdown writer emitted ("ike-0", "l2tp-2", "path-0",
/// "timeline"), drawn lazily from the document. An unknown key yields nothing.
/// </summary>
internal sealed class DiagramSet(ReportDocument document)
{
    public string? Svg(string key)
    {
        if (key == "timeline")
        {
            return document.Timeline.Count > 0 ? TimelineChart.Render(document.Timeline) : null;
        }

        int dash = key.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(key.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return null;
        }

        return key[..dash] switch
        {
            "ike" when index < document.Ike.Sas.Count => IkeLadder.Render(document.Ike.Sas[index]),
            "l2tp" when index < document.L2tp.Tunnels.Count => L2tpLadder.Render(document.L2tp.Tunnels[index]),
            "path" when index < document.Paths.Count => PathLadder.Render(document.Paths[index]),
            _ => null,
        };
    }
}

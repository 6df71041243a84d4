using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>PPTP connections: the VPN is PPTP, not L2TP/IPsec, which is itself worth knowing.</summary>
internal sealed class PptpMarkdown : IMarkdownSection
{
    public void Write(ReportDocument document, MarkdownOut output)
    {
        if (document.Pptp.Connections.Count == 0)
        {
            return;
        }

        output.Heading(2, "PPTP connections");
        for (int i = 0; i < document.Pptp.Connections.Count; i++)
        {
            ReportPptpConnection connection = document.Pptp.Connections[i];
            output.Heading(3, string.Create(CultureInfo.InvariantCulture, $"PPTP connection {i + 1}: ")
                + MarkdownText.Escape(connection.Client) + " → " + MarkdownText.Escape(connection.Server));
            output.Facts(
            [
                ("Capture", MarkdownText.Escape(connection.Input)),
                ("GRE packets", string.Create(CultureInfo.InvariantCulture, $"{connection.GreFromClient} from client, {connection.GreFromServer} from server")),
                ("Anomalies", MarkdownText.Escape(AnomalyText.Join(connection.Anomalies))),
            ]);
            output.Table(["Frame", "Time", "From", "Message", "Result"], connection.ControlMessages.Select(m => new[]
            {
                m.Frame.ToString(CultureInfo.InvariantCulture), ReportLabels.TimeOfDay(m.Time), m.From, MarkdownText.Cell(m.Type), MarkdownText.Cell(m.Result),
            }), 200);
            PppMarkdown.Write(connection.Ppp, output);
        }
    }
}

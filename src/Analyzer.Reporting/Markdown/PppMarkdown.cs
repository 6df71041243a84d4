using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>PPP details, written under the L2TP session or PPTP call that carried them.</summary>
internal static class PppMarkdown
{
    public static void Write(ReportPppSession? ppp, MarkdownOut output)
    {
        if (ppp is null)
        {
            return;
        }

        string auth = ppp.AuthenticationProtocol is null ? string.Empty
            : ppp.AuthenticationProtocol + ": " + (ppp.AuthenticationResult ?? "no result seen")
              + (ppp.AuthenticationErrorCode is int code ? string.Create(CultureInfo.InvariantCulture, $" (error {code})") : string.Empty)
              + (ppp.AuthenticationFrame is long frame ? string.Create(CultureInfo.InvariantCulture, $", frame {frame}") : string.Empty);
        output.Facts(
        [
            ("PPP authentication", MarkdownText.Escape(auth)),
            ("Server message", MarkdownText.Escape(ppp.AuthenticationMessage)),
            ("User name", MarkdownText.Escape(ppp.UserName)),
            ("LCP", ppp.LcpLoop ? "did not converge (Configure loop)" : ppp.LcpOpened ? "opened" : "not opened"),
            ("IPCP", ppp.IpcpOpened ? "opened" : "not opened"),
            ("Addresses", MarkdownText.Escape(ppp.ClientAddress is null && ppp.ServerAddress is null ? null
                : "client " + (ppp.ClientAddress ?? "?") + ", server " + (ppp.ServerAddress ?? "?"))),
            ("Compression", ppp.CompressionNegotiated ? "negotiated" : string.Empty),
            ("Anomalies", MarkdownText.Escape(AnomalyText.Join(ppp.Anomalies))),
        ]);
        if (ppp.Packets.Count > 0)
        {
            output.Table(["Frame", "Time", "From", "Protocol", "Code", "Id", "Summary"], ppp.Packets.Select(p => new[]
            {
                p.Frame.ToString(CultureInfo.InvariantCulture), ReportLabels.TimeOfDay(p.Time), p.From, MarkdownText.Cell(p.Protocol),
                MarkdownText.Cell(p.Code), p.Identifier.ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(p.Summary),
            }), 200);
        }
    }
}

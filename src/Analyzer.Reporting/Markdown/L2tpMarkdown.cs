using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Per-tunnel details: host and vendor names, result codes, control messages, sessions and their PPP.</summary>
internal sealed class L2tpMarkdown : IMarkdownSection
{
    public void Write(ReportDocument document, MarkdownOut output)
    {
        if (document.L2tp.Tunnels.Count == 0)
        {
            return;
        }

        output.Heading(2, "L2TP tunnels");
        for (int i = 0; i < document.L2tp.Tunnels.Count && i < MarkdownOut.MaxDetailed; i++)
        {
            ReportL2tpTunnel tunnel = document.L2tp.Tunnels[i];
            output.Heading(3, string.Create(CultureInfo.InvariantCulture, $"L2TP tunnel {i + 1}: ")
                + MarkdownText.Escape(tunnel.Client) + " → " + MarkdownText.Escape(tunnel.Server)
                + " (" + MarkdownText.Escape(ReportLabels.State(tunnel.State)) + ")");
            output.Facts(
            [
                ("Capture", MarkdownText.Escape(tunnel.Input)),
                ("Tunnel ids", string.Create(CultureInfo.InvariantCulture, $"client {tunnel.TunnelIds.Client}, server {tunnel.TunnelIds.Server}")),
                ("Client host / vendor", MarkdownText.Escape(Join(tunnel.ClientHostName, tunnel.ClientVendorName))),
                ("Server host / vendor", MarkdownText.Escape(Join(tunnel.ServerHostName, tunnel.ServerVendorName))),
                ("Result", MarkdownText.Escape(ResultText(tunnel.Result))),
                ("Protection", tunnel.InClearText ? "**in clear text (not inside IPsec)**" : "inside IPsec"),
                ("Data messages", string.Create(CultureInfo.InvariantCulture, $"{tunnel.DataFromClient} from client, {tunnel.DataFromServer} from server")),
                ("Anomalies", MarkdownText.Escape(AnomalyText.Join(tunnel.Anomalies))),
                ("Wireshark filter", MarkdownText.Code(string.Create(CultureInfo.InvariantCulture,
                    $"l2tp.tunnel_id == {tunnel.TunnelIds.Client} || l2tp.tunnel_id == {tunnel.TunnelIds.Server}"))),
            ]);
            output.Diagram("l2tp-" + i.ToString(CultureInfo.InvariantCulture));
            output.Paragraph("**Control messages**");
            output.Table(["Frame", "Time", "Direction", "Type", "Ns", "Nr", "Session", "AVPs"], tunnel.ControlMessages.Select(m => new[]
            {
                m.Frame.ToString(CultureInfo.InvariantCulture), ReportLabels.TimeOfDay(m.Time),
                m.FromClient ? "client → server" : "server → client",
                MarkdownText.Escape(m.Type) + (m.Retransmission ? " (retransmission)" : string.Empty),
                m.Ns.ToString(CultureInfo.InvariantCulture), m.Nr.ToString(CultureInfo.InvariantCulture),
                m.SessionId.ToString(CultureInfo.InvariantCulture),
                MarkdownText.Cell(string.Join("; ", m.Avps.Select(a => a.Name + "=" + a.Value))),
            }), 300);
            for (int s = 0; s < tunnel.Sessions.Count; s++)
            {
                ReportL2tpSession session = tunnel.Sessions[s];
                output.Paragraph(string.Create(CultureInfo.InvariantCulture,
                    $"**Session {s + 1}** (ids client {session.SessionIds.Client}, server {session.SessionIds.Server}): ")
                    + MarkdownText.Escape(ReportLabels.State(session.State))
                    + (session.Result is null ? string.Empty : ", " + MarkdownText.Escape(ResultText(session.Result)))
                    + string.Create(CultureInfo.InvariantCulture, $", {session.DataPackets} data packets"));
                PppMarkdown.Write(session.Ppp, output);
            }
        }

        output.MoreDetailed(document.L2tp.Tunnels.Count, "L2TP tunnels");
    }

    private static string? Join(string? host, string? vendor) =>
        host is null && vendor is null ? null : (host ?? "?") + " / " + (vendor ?? "?");

    internal static string? ResultText(ReportL2tpResult? result)
    {
        if (result is null)
        {
            return null;
        }

        string text = string.Create(CultureInfo.InvariantCulture, $"{result.Code} {result.Name}");
        if (result.Error is int error)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", error {error} {result.ErrorName}");
        }

        return result.Message is null ? text : text + ": " + result.Message;
    }
}

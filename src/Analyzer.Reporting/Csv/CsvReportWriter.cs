using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Csv;

/// <summary>
/// The report's tables as CSV files in one directory: findings, evidence, sas, exchanges (one row
/// per IKE message), flows, tunnels, l2tp-messages, events, paths, timeline. Lists inside a cell
/// are joined with "; ".
/// </summary>
public static class CsvReportWriter
{
    public static IReadOnlyList<string> Write(ReportDocument document, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        string Path(string name)
        {
            string path = System.IO.Path.Combine(directory, name + ".csv");
            written.Add(path);
            return path;
        }

        using (var findings = new CsvTable(Path("findings"), "rank", "rule", "severity", "title", "category", "cause", "owner", "summary", "remediation", "references", "explains"))
        using (var evidence = new CsvTable(Path("evidence"), "rank", "rule", "input", "frame", "record", "time", "text", "displayFilter"))
        {
            for (int i = 0; i < document.Findings.Count; i++)
            {
                ReportFinding f = document.Findings[i];
                findings.Row(i + 1, f.Rule, f.Severity, f.Title, f.Category, f.Cause, f.Owner, f.Summary,
                    Join(f.Remediation), Join(f.References), Join(f.Explains));
                foreach (ReportEvidence e in f.Evidence)
                {
                    evidence.Row(i + 1, f.Rule, e.Input, e.Frame, e.Record, e.Time, e.Text, e.DisplayFilter);
                }
            }
        }

        using (var sas = new CsvTable(Path("sas"), "sa", "input", "version", "initiatorCookie", "responderCookie", "initiator", "responder", "exchange", "state",
                   "authentication", "chosen", "natTInitiator", "natTResponder", "initiatorBehindNat", "responderBehindNat", "floatedTo4500", "vendorIds", "identities"))
        using (var exchanges = new CsvTable(Path("exchanges"), "sa", "input", "initiatorCookie", "frame", "time", "from", "to", "fromInitiator", "exchange",
                   "number", "messageId", "payloads", "encrypted", "retransmission", "fragmentIndex", "fragmentLast", "ipFragments", "notifies"))
        {
            for (int i = 0; i < document.Ike.Sas.Count; i++)
            {
                ReportIkeSa sa = document.Ike.Sas[i];
                sas.Row(i + 1, sa.Input, sa.Version, sa.InitiatorCookie, sa.ResponderCookie, sa.Initiator, sa.Responder, sa.Exchange, sa.State,
                    sa.AuthenticationMethod, sa.Chosen?.Summary, sa.Nat.InitiatorSupportsNatT, sa.Nat.ResponderSupportsNatT,
                    sa.Nat.InitiatorBehindNat, sa.Nat.ResponderBehindNat, sa.Nat.FloatedToPort4500,
                    Join(sa.VendorIds.Select(v => v.From + ": " + (v.Name ?? v.Hex))),
                    Join(sa.Identities.Select(id => id.From + ": " + id.Type + " " + id.Value)));
                foreach (ReportIkeMessage m in sa.Messages)
                {
                    exchanges.Row(i + 1, sa.Input, sa.InitiatorCookie, m.Frame, m.Time, m.From, m.To, m.FromInitiator, m.Exchange, m.Number,
                        "0x" + m.MessageId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), Join(m.Payloads), m.Encrypted,
                        m.Retransmission, m.Fragment?.Index, m.Fragment?.Last, m.IpFragments, Join(m.Notifies));
                }
            }
        }

        using (var flows = new CsvTable(Path("flows"), "input", "spi", "src", "dst", "encapsulation", "packets", "bytes", "firstFrame", "lastFrame",
                   "firstTime", "lastTime", "sequenceGaps", "duplicates", "resets", "pairedSpi", "ikeSaCookie", "packetsAfterDelete", "withoutIkeSa"))
        {
            foreach (ReportEspFlow f in document.Esp.Flows)
            {
                flows.Row(f.Input, f.Spi, f.Src, f.Dst, f.Encapsulation, f.Packets, f.Bytes, f.FirstFrame, f.LastFrame, f.FirstTime, f.LastTime,
                    f.SequenceGaps, f.Duplicates, f.Resets, f.PairedSpi, f.IkeSaCookie, f.PacketsAfterDelete, f.WithoutIkeSa);
            }
        }

        using (var tunnels = new CsvTable(Path("tunnels"), "tunnel", "input", "client", "server", "clientTunnelId", "serverTunnelId", "state", "result",
                   "clientHostName", "clientVendorName", "serverHostName", "serverVendorName", "inClearText", "dataFromClient", "dataFromServer", "sessions", "pppAuthentication"))
        using (var messages = new CsvTable(Path("l2tp-messages"), "tunnel", "input", "frame", "time", "from", "to", "fromClient", "type", "ns", "nr",
                   "tunnelId", "sessionId", "zlb", "retransmission", "avps"))
        {
            for (int i = 0; i < document.L2tp.Tunnels.Count; i++)
            {
                ReportL2tpTunnel t = document.L2tp.Tunnels[i];
                tunnels.Row(i + 1, t.Input, t.Client, t.Server, t.TunnelIds.Client, t.TunnelIds.Server, t.State, Markdown.L2tpMarkdown.ResultText(t.Result),
                    t.ClientHostName, t.ClientVendorName, t.ServerHostName, t.ServerVendorName, t.InClearText, t.DataFromClient, t.DataFromServer,
                    t.Sessions.Count, Join(t.Sessions.Select(s => s.Ppp?.AuthenticationProtocol + " " + s.Ppp?.AuthenticationResult)));
                foreach (ReportL2tpControlMessage m in t.ControlMessages)
                {
                    messages.Row(i + 1, t.Input, m.Frame, m.Time, m.From, m.To, m.FromClient, m.Type, m.Ns, m.Nr, m.TunnelId, m.SessionId, m.Zlb,
                        m.Retransmission, Join(m.Avps.Select(a => a.Name + "=" + a.Value)));
                }
            }
        }

        using (var events = new CsvTable(Path("events"), "input", "recordId", "eventId", "provider", "channel", "computer", "level", "time", "written",
                   "kind", "failure", "data", "message", "correlatedFrame"))
        {
            foreach (ReportEventRecord r in document.Events.Records)
            {
                events.Row(r.Input, r.RecordId, r.EventId, r.Provider, r.Channel, r.Computer, r.Level, r.Time, r.Written, r.Kind, r.Failure,
                    Join(r.Data.Values.Select(v => r.Data.Positional ? v.Value : v.Key + "=" + v.Value)), r.Message, r.Correlation?.Frame);
            }
        }

        using (var paths = new CsvTable(Path("paths"), "path", "captures", "clockOffsetSeconds", "from", "to", "protocol", "sent", "received", "lost",
                   "lostFrames", "modified", "translations"))
        {
            for (int i = 0; i < document.Paths.Count; i++)
            {
                ReportPath p = document.Paths[i];
                string captures = Join(p.Captures.Select(c => c.Role + "=" + c.Input));
                string translations = Join(p.Translations.Select(t => t.Protocol + " " + t.Inside + " -> " + t.Outside));
                foreach (ReportPathDirection d in p.Directions)
                {
                    paths.Row(i + 1, captures, p.ClockOffsetSeconds, d.From, d.To, d.Protocol, d.Sent, d.Received, d.Lost,
                        Join(d.LostFrames.Select(f => f.Frame.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                        Join(d.Modified.Select(m => m.Sent.Frame.ToString(System.Globalization.CultureInfo.InvariantCulture) + "->" + m.Received.Frame.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                        translations);
                }
            }
        }

        using (var timeline = new CsvTable(Path("timeline"), "time", "correctedTime", "input", "source", "frame", "record", "failure", "text"))
        {
            foreach (ReportTimelineEntry t in document.Timeline)
            {
                timeline.Row(t.Time, t.CorrectedTime, t.Input, t.Source, t.Frame, t.Record, t.Failure, t.Text);
            }
        }

        return written;
    }

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);
}

using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Reporting.Document;
using Analyzer.Sessions;

namespace Analyzer.Reporting.Building;

/// <summary>
/// "No problem found" is a claim about a VPN connection; inputs that hold none (a capture of DNS and
/// web traffic only, a Security log without one IPsec, IKE, RAS or NPS event) cannot support it.
/// Such a verdict becomes a warning that says what was read and what vpndiag looks for, so a
/// wrong file is noticed instead of read as a healthy connection. Only an "ok" verdict is replaced:
/// any finding or attempt rests on VPN evidence already.
/// </summary>
internal static class NoVpnEvidenceVerdict
{
    private const string LooksFor =
        "vpndiag reads IKE (UDP 500 and 4500), ESP, L2TP (UDP 1701) and PPTP/GRE in captures; Windows IPsec and IKE audit events " +
        "(4650–4655, 4960–4984, 5049, 5451–5485, legacy 541–547), RasClient 20220–20227, RemoteAccess 20271–20275 and NPS 6272–6276 events; " +
        "and strongSwan charon, Libreswan pluto, xl2tpd and pppd logs.";

    private const string Action =
        "Capture on the client or the server while the connection is tried (tcpdump/Wireshark filter: udp port 500 or udp port 4500 or esp or udp port 1701), " +
        "or export the Application (RasClient) and Security (IPsec, NPS) logs of the time of the failure.";

    public static ReportVerdict Qualify(ReportVerdict verdict, BuildContext context)
    {
        if (verdict.Severity != "ok" || context.Case.Attempts.Attempts.Count > 0 || HasVpnEvidence(context.Case))
        {
            return verdict;
        }

        return new ReportVerdict("warning", null, "No VPN evidence in these inputs", Read(context.Case) + " " + LooksFor, Action);
    }

    private static bool HasVpnEvidence(Correlation.Case @case)
    {
        foreach (CaptureModel capture in @case.Captures)
        {
            // Every datagram the decode stage handed on is VPN traffic (or an ICMP error quoting it);
            // a capture of nothing at all is the incomplete-capture verdict's to name.
            if (capture.Statistics.ByKind.Count > 0 || capture.IncompleteDatagrams.Count > 0 || capture.Statistics.Frames == 0
                || capture.IkeSas.Count > 0 || capture.EspFlows.Count > 0 || capture.L2tpTunnels.Count > 0 || capture.PptpConnections.Count > 0
                || capture.PppoeSessions.Count > 0 || capture.SealedPackets.Count > 0)
            {
                return true;
            }
        }

        foreach (EventRecord record in @case.Events)
        {
            // A map recognised the record (an IPsec, IKE, RAS or NPS event, or a daemon line it knows);
            // a VPN daemon's log counts whole, as its unrecognised lines are still about the VPN.
            if (record.Normalized is not null || KindOf(@case, record.InputIndex) == InputKind.DaemonLog)
            {
                return true;
            }
        }

        return false;
    }

    private static InputKind KindOf(Correlation.Case @case, int index)
    {
        foreach (AnalysisInput input in @case.Inputs)
        {
            if (input.Index == index)
            {
                return input.Kind;
            }
        }

        return InputKind.Unknown;
    }

    private static string Read(Correlation.Case @case)
    {
        long frames = 0;
        foreach (CaptureModel capture in @case.Captures)
        {
            frames += capture.Statistics.Frames;
        }

        var parts = new List<string>(2);
        if (@case.Captures.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{@case.Captures.Count} capture(s) with {frames} packet(s), none of them IKE, ESP, L2TP or PPTP"));
        }

        int logs = @case.Inputs.Count(i => i.Kind is not (InputKind.Pcap or InputKind.Pcapng or InputKind.IkeKeys));
        if (logs > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{logs} log(s) with {@case.Events.Count} record(s), none of them an event or line about a VPN connection"));
        }

        return "These inputs hold nothing about a VPN connection: vpndiag read " + (parts.Count == 0 ? "no capture or log" : string.Join(" and ", parts))
            + ", so it can say nothing about why a connection failed.";
    }
}

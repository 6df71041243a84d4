using System.Text.RegularExpressions;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Which daemon wrote a line that names none (pppd's own <c>logfile</c>, output pasted without its
/// syslog prefix): told by wordings only that daemon logs, from its sources (pppd's
/// <c>sent [LCP ConfReq ...]</c> packet dumps in <c>pppd/main.c</c>, <c>Using interface</c>,
/// <c>Connect:</c>; xl2tpd's <c>control_finish</c>, <c>Connection established to</c>; pluto's
/// context prefix and start-up wordings, <see cref="PlutoWording"/>).
/// </summary>
internal static partial class DaemonByContent
{
    [GeneratedRegex(@"^(?:(?:sent|rcvd) \[(?:LCP|CHAP|PAP|EAP|IPCP|IPV6CP|CCP|ECP|BACP|MRU|proto)|Using interface ppp|Connect: ppp\d|pppd \d|Plugin \S+ loaded|(?:MS-)?CHAP(?:v2)? authentication|PAP authentication|LCP: timeout|LCP terminated by peer|local  IP address|remote IP address|Modem hangup|Connection terminated|Script /etc/ppp|Sent \d+ bytes, received \d+ bytes|MPPE \d+-bit|No response to \d+ echo-requests|Serial link appears to be disconnected|peer refused to authenticate|Terminating on signal|Hangup \(SIGHUP\)|Overriding mtu|Remote message: |Couldn't|No auth is possible)", RegexOptions.CultureInvariant)]
    private static partial Regex Pppd();

    [GeneratedRegex(@"^(?:control_finish|check_control|handle_avps|call_close|network_thread|build_fdset|child_handler|start_pppd|tunnel_setup|result_code_avp|udp_xmit|Connection established to|Call established with|Maximum retries exceeded|xl2tpd version|Listening on IP address|Connecting to host|Disconnecting from|Not looking for kernel SAref|L2TP kernel support)", RegexOptions.CultureInvariant)]
    private static partial Regex Xl2tpd();

    // State snapshots: swanctl --list-sas (src/swanctl/commands/list_sas.c: "%s: #%s, %s, IKEv%s,
    // %s_i%s %s_r%s", "  %s: #%s, reqid %s, ...") and ipsec statusall (stroke_list.c:
    // "Status of IKE charon daemon", "%s[%d]: ESTABLISHED ...", "%s{%d}:  INSTALLED, ...").
    [GeneratedRegex(@"^(?:Status of IKE charon daemon|Security Associations \(\d+ up, \d+ connecting\)|[^\s:]+: #\d+, [A-Z_]+, IKEv[12], [0-9a-f]{16}_i|\s+\S+: #\d+, reqid \d+, |\s*[^\s\[]+\[\d+\]: (?:ESTABLISHED|CONNECTING|REKEYING|DELETING|CREATED|PASSIVE)|\s*[^\s{]+\{\d+\}:\s+(?:INSTALLED|INSTALLING|REKEYING|REKEYED|ROUTED|DELETING))", RegexOptions.CultureInvariant)]
    private static partial Regex CharonSnapshot();

    /// <summary>The first line of a swanctl --list-sas or ipsec statusall output: the whole file is a charon state snapshot.</summary>
    public static bool StartsSnapshot(ReadOnlySpan<char> line) =>
        line.StartsWith("Status of IKE charon daemon", StringComparison.Ordinal) || CharonSnapshot().IsMatch(line);

    /// <summary>The daemon a bare message is typical of, or null.</summary>
    public static string? Guess(string message)
    {
        if (Pppd().IsMatch(message))
        {
            return "pppd";
        }

        if (PlutoWording.IsTypical(message))
        {
            return "pluto";
        }

        if (CharonSnapshot().IsMatch(message))
        {
            return "charon";
        }

        return Xl2tpd().IsMatch(message) ? "xl2tpd" : null;
    }
}

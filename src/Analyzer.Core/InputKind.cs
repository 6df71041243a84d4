namespace Analyzer.Core;

/// <summary>What an input file is, decided from its content (magic numbers) first and its name second.</summary>
public enum InputKind : byte
{
    Unknown,
    Pcap,
    Pcapng,
    Evtx,
    Evt,
    EventXml,
    EventCsv,
    /// <summary>A typeperf/relog performance-counter CSV export.</summary>
    PerformanceCsv,
    /// <summary>strongSwan charon, Libreswan pluto, xl2tpd or pppd text log (file logger or syslog).</summary>
    DaemonLog,
    /// <summary>A key file (Wireshark's esp_sa, ikev2_ or ikev1_decryption_table, ip xfrm state output), found in a bundle or given with --keys.</summary>
    IkeKeys,
}

using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs.Daemon;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// The lab's own strongSwan and xl2tpd logs (samples/captures/&lt;scenario&gt;/), checked against
/// the capture of the same run where tshark can read it; plus synthetic one-line inputs for the
/// syslog shapes the lab does not produce (said so at each).
/// </summary>
public sealed class DaemonLogTests
{
    private static List<EventRecord> Kinds(EventLogReadResult result, string kind) =>
        result.Records.Where(r => r.Normalized?.Kind == kind).ToList();

    [Fact]
    public void Healthy_server_log_shows_packets_ike_and_child_sa_established()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile("healthy-psk", "charon-server.log"), 2026);
        Assert.All(result.Records, r => Assert.Equal("charon", r.Provider));
        Assert.NotEmpty(Kinds(result, "charon-packet-received"));
        Assert.NotEmpty(Kinds(result, "charon-packet-sent"));
        EventRecord ike = Assert.Single(Kinds(result, "charon-ike-established"));
        Assert.Equal("l2tp-server", ike.Normalized!.ConnectionName);
        Assert.Equal("203.0.113.10", ike.Normalized.LocalAddress.ToString());
        Assert.Equal("198.51.100.20", ike.Normalized.RemoteAddress.ToString());
        EventRecord child = Assert.Single(Kinds(result, "charon-child-established"));
        Assert.Matches("^[0-9a-f]{8}$", child.Normalized!.Fields["inboundSpi"]);
        Assert.DoesNotContain(result.Records, r => r.Normalized?.IsFailure == true);
        Assert.Equal(2026, result.Records[0].Time!.Value.ToDateTime().Year);
        Assert.Equal(3, result.Records[0].Time!.Value.FractionDigits);
    }

    [Fact]
    public void Child_sa_spis_in_the_log_are_the_esp_spis_of_the_capture()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile("healthy-psk", "charon-server.log"), 2026);
        string pcap = SampleLogs.LabFile("healthy-psk", "server.pcap");
        HashSet<string> captured = Tshark.Run(pcap, ["-Y", "esp", "-T", "fields", "-e", "esp.spi"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(spi => spi.Replace("0x", string.Empty, StringComparison.Ordinal)).ToHashSet();
        NormalizedEvent child = Kinds(result, "charon-child-established").Single().Normalized!;
        Assert.Contains(child.Fields["inboundSpi"], captured);
        Assert.Contains(child.Fields["outboundSpi"], captured);
    }

    [Fact]
    public void Verbose_log_gives_every_line_of_the_sa_the_capture_cookies()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile("healthy-psk", "charon-server-ike4.log"), 2026);
        string pcap = SampleLogs.LabFile("healthy-psk", "server.pcap");
        string[] first = Tshark.Run(pcap, ["-Y", "isakmp", "-T", "fields", "-e", "isakmp.ispi", "-e", "isakmp.rspi"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .First(fields => fields.Length == 2 && fields[1].Trim('0').Length > 0);
        ulong initiator = ulong.Parse(first[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        ulong responder = ulong.Parse(first[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        EventRecord established = Kinds(result, "charon-ike-established").Single();
        Assert.Equal(initiator, established.Normalized!.InitiatorCookie);
        Assert.Equal(responder, established.Normalized.ResponderCookie);
        Assert.All(Kinds(result, "charon-packet-received").Where(r => r.GetData("ikeSa") is not null),
            r => Assert.Equal(initiator, r.Normalized!.InitiatorCookie));
    }

    [Fact]
    public void Psk_mismatch_logs_report_authentication_failure_on_both_sides()
    {
        EventLogReadResult server = SampleLogs.Read(SampleLogs.LabFile("psk-mismatch", "charon-server.log"), 2026);
        EventLogReadResult client = SampleLogs.Read(SampleLogs.LabFile("psk-mismatch", "charon-client.log"), 2026);
        EventRecord failed = Kinds(server, "charon-auth-failed").First();
        Assert.True(failed.Normalized!.IsFailure);
        Assert.NotNull(failed.SourceLine);
        Assert.NotEmpty(Kinds(client, "charon-auth-failed"));
        Assert.NotEmpty(Kinds(client, "charon-give-up"));
        Assert.NotEmpty(Kinds(client, "charon-retransmit"));
    }

    [Fact]
    public void Blocked_udp500_client_log_retransmits_then_gives_up()
    {
        EventLogReadResult client = SampleLogs.Read(SampleLogs.LabFile("udp500-blocked", "charon-client.log"), 2026);
        Assert.Equal(["1", "2", "3"], Kinds(client, "charon-retransmit").Select(r => r.Normalized!.Fields["count"]));
        Assert.True(Kinds(client, "charon-give-up").Single(r => r.Normalized!.Fields.ContainsKey("count")).Normalized!.IsFailure);
    }

    [Fact]
    public void Xl2tpd_foreground_log_has_tunnel_and_call_events_without_times()
    {
        EventLogReadResult server = SampleLogs.Read(SampleLogs.LabFile("healthy-psk", "xl2tpd-server.log"), 2026);
        EventRecord tunnel = Kinds(server, "xl2tpd-tunnel-established").Single();
        Assert.Equal("198.51.100.20", tunnel.Normalized!.RemoteAddress.ToString());
        Assert.Null(tunnel.Time);
        Assert.Single(Kinds(server, "xl2tpd-call-established"));
        Assert.NotEmpty(Kinds(server, "xl2tpd-control-message"));
    }

    // Synthetic lines (the lab writes file-logger charon output and foreground xl2tpd): syslog and journal shapes.
    [Theory]
    [InlineData("Nov 24 10:33:32 vpn charon: 05[IKE] <l2tp|3> tried 1 shared key for 'vpn' - 'client', but MAC mismatched", "charon", "vpn", "charon-auth-failed")]
    [InlineData("Nov 24 10:33:32 vpn charon-systemd[612]: 05[CFG] <l2tp|3> constraint check failed: identity 'C=DE' required", "charon", "vpn", "charon-certificate-failed")]
    [InlineData("2026-11-24T10:33:32.123456+00:00 vpn charon[77]: 11[IKE] <l2tp|1> received NO_PROPOSAL_CHOSEN error notify", "charon", "vpn", "charon-no-proposal")]
    [InlineData("Nov 24 10:33:32 vpn pppd[1299]: MS-CHAP authentication failed: E=691 Authentication failure", "pppd", "vpn", "pppd-auth-failed")]
    [InlineData("Nov 24 10:33:32 vpn pluto[812]: \"l2tp\"[1] 198.51.100.20 #1: probable authentication failure (mismatch of preshared secrets?)", "pluto", "vpn", "pluto-auth-failed")]
    [InlineData("Nov 24 10:33:32 vpn xl2tpd[900]: Maximum retries exceeded for tunnel 14363.  Closing.", "xl2tpd", "vpn", "xl2tpd-max-retries")]
    public void Syslog_lines_are_split_and_normalised(string line, string daemon, string host, string kind)
    {
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader(line), new AnalysisInput(0, "syslog", "syslog", InputKind.DaemonLog), AnalysisLimits.Default, 2026, result, TestContext.Current.CancellationToken);
        Analyzer.EventLogs.Normalization.EventNormalizer.NormalizeAll(result.Records);
        EventRecord record = Assert.Single(result.Records);
        Assert.Equal(daemon, record.Provider);
        Assert.Equal(host, record.Computer);
        Assert.Equal(kind, record.Normalized?.Kind);
        Assert.True(record.Normalized!.IsFailure);
        Assert.Equal("2026-11-24T10:33:32", record.Time!.Value.ToIso8601()[..19]);
    }

    [Fact]
    public void Pppd_auth_failure_keeps_the_ms_chap_error_code()
    {
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader("Nov 24 10:33:32 vpn pppd[1299]: MS-CHAP authentication failed: E=691 Authentication failure"),
            new AnalysisInput(0, "syslog", "syslog", InputKind.DaemonLog), AnalysisLimits.Default, 2026, result, TestContext.Current.CancellationToken);
        Analyzer.EventLogs.Normalization.EventNormalizer.NormalizeAll(result.Records);
        Assert.Equal(691, result.Records[0].Normalized!.Code);
    }
}

/// <summary>The lab's certificate scenarios: the server's charon log says why it rejected the client's certificate.</summary>
public sealed class CertificateDaemonLogTests
{
    [Theory]
    [InlineData("cert-expired", "certificate expired or not yet valid")]
    [InlineData("cert-untrusted-ca", "certificate not trusted")]
    public void Server_log_names_the_certificate_failure(string scenario, string reason)
    {
        EventLogReadResult server = SampleLogs.Read(SampleLogs.LabFile(scenario, "charon-server.log"), 2026);
        EventRecord failure = server.Records.First(r => r.Normalized?.Kind == "charon-certificate-failed" && r.Normalized.FailureReason == reason);
        Assert.True(failure.Normalized!.IsFailure);
        EventLogReadResult client = SampleLogs.Read(SampleLogs.LabFile(scenario, "charon-client.log"), 2026);
        Assert.Contains(client.Records, r => r.Normalized?.Kind == "charon-auth-failed" && r.Normalized.Fields.GetValueOrDefault("notify") == "AUTHENTICATION_FAILED");
    }
}

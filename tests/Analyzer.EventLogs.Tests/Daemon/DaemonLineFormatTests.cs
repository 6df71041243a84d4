using Analyzer.Core;
using Analyzer.EventLogs.Daemon;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// Every line shape a charon, xl2tpd or pppd log comes in, one line each. The prefixes follow the
/// writers' sources: strongSwan src/libcharon/bus/listeners/file_logger.c ("%s %.2d[%s]%s " with
/// time_format, time_precision ms/us, log_level "%N%d", ike_name " &lt;%s|%u&gt;"; json = yes),
/// sys_logger.c ("%.2d[%s]%s %s"), src/charon-systemd/charon-systemd.c (journal fields GROUP, LEVEL,
/// THREAD, IKE_SA_UNIQUE_ID, IKE_SA_NAME), journalctl(1) output modes, RFC 3164 and RFC 5424, xl2tpd
/// misc.c l2tp_log ("xl2tpd[%d]: " on stderr), pppd's logfile (bare messages).
/// </summary>
public sealed class DaemonLineFormatTests
{
    private const string Message = "received packet: from 198.51.100.20[500] to 203.0.113.10[500] (180 bytes)";

    private static EventRecord One(string line, LogTimeHints? hints = null)
    {
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader(line), new AnalysisInput(0, "log", "log", InputKind.DaemonLog), AnalysisLimits.Default,
            hints ?? new LogTimeHints { Year = 2026 }, null, result, TestContext.Current.CancellationToken);
        Analyzer.EventLogs.Normalization.EventNormalizer.NormalizeAll(result.Records);
        return Assert.Single(result.Records);
    }

    [Theory]
    [InlineData("Nov 24 10:33:32 12[NET] " + Message, "2026-11-24T10:33:32Z", "charon-filelog")]                 // time_format = %b %e %T
    [InlineData("Nov  4 10:33:32.629 12[NET] " + Message, "2026-11-04T10:33:32.629Z", "charon-filelog")]          // %e pads the day; ms precision
    [InlineData("Nov 24 10:33:32.629148 12[NET] " + Message, "2026-11-24T10:33:32.629148Z", "charon-filelog")]    // us precision
    [InlineData("2026-11-24T10:33:32 12[NET] " + Message, "2026-11-24T10:33:32Z", "charon-filelog")]              // %Y-%m-%dT%H:%M:%S
    [InlineData("2026-11-24 10:33:32.629 12[NET] " + Message, "2026-11-24T10:33:32.629Z", "charon-filelog")]      // %F %T
    [InlineData("2026-11-24T10:33:32+0100 12[NET] " + Message, "2026-11-24T09:33:32Z", "charon-filelog")]         // %FT%T%z
    [InlineData("Tue Nov 24 10:33:32 2026 12[NET] " + Message, "2026-11-24T10:33:32Z", "charon-filelog")]         // %c
    [InlineData("24.11.2026 10:33:32 12[NET] " + Message, "2026-11-24T10:33:32Z", "charon-filelog")]              // %d.%m.%Y %T (dotted: day first)
    [InlineData("24.11.2026 10:33:32.629 12[NET] " + Message, "2026-11-24T10:33:32.629Z", "charon-filelog")]      // with ms precision
    [InlineData("2026/11/24 10:33:32 12[NET] " + Message, "2026-11-24T10:33:32Z", "charon-filelog")]              // %Y/%m/%d %T
    [InlineData("Nov 24 10:33:32 vpn charon: 12[NET] " + Message, "2026-11-24T10:33:32Z", "syslog")]              // rsyslog traditional, no pid
    [InlineData("Nov 24 10:33:32 vpn charon[812]: 12[NET] " + Message, "2026-11-24T10:33:32Z", "syslog")]
    [InlineData("<30>Nov 24 10:33:32 vpn charon[812]: 12[NET] " + Message, "2026-11-24T10:33:32Z", "syslog")]     // RFC 3164 with PRI
    [InlineData("2026-11-24T10:33:32.629148+01:00 vpn charon[812]: 12[NET] " + Message, "2026-11-24T09:33:32.629148Z", "syslog")] // RSYSLOG_FileFormat
    [InlineData("2026-11-24T10:33:32+0100 vpn charon[812]: 12[NET] " + Message, "2026-11-24T09:33:32Z", "syslog")] // journalctl -o short-iso
    [InlineData("Nov 24 10:33:32.629148 vpn charon-systemd[812]: " + Message, "2026-11-24T10:33:32.629148Z", "syslog")] // -o short-precise
    [InlineData("1795516412.629148 vpn charon-systemd[812]: " + Message, "2026-11-24T10:33:32.629148Z", "syslog")] // -o short-unix
    [InlineData("<30>1 2026-11-24T10:33:32.629Z vpn charon 812 - - 12[NET] " + Message, "2026-11-24T10:33:32.629Z", "rfc5424")]
    [InlineData("<30>1 2026-11-24T10:33:32.629Z vpn charon 812 - [meta sequenceId=\"1\"] 12[NET] " + Message, "2026-11-24T10:33:32.629Z", "rfc5424")]
    public void Charon_packet_line_is_read_in_every_shape(string line, string time, string format)
    {
        EventRecord record = One(line);
        Assert.Equal("charon", record.Provider);
        Assert.Equal(time, record.Time?.ToIso8601());
        Assert.Equal(format, record.GetData(DaemonLogReader.FormatKey));
        Assert.Equal(Message, record.Message);
        Assert.Equal("charon-packet-received", record.Normalized?.Kind);
    }

    [Theory]
    [InlineData(Message, DaemonSignal.PacketReceived)]
    [InlineData("sending packet: from 192.0.2.10[500] to 203.0.113.1[500] (180 bytes)", DaemonSignal.PacketSent)]
    [InlineData("giving up after 5 retransmits", DaemonSignal.GiveUp)]
    [InlineData("IKE_SA vpn[1] established between 192.0.2.10[client]...203.0.113.1[server]", DaemonSignal.Established)]
    public void Daemon_signals_come_from_the_map_entry_not_the_kind_name(string message, DaemonSignal signal)
    {
        EventRecord record = One("Nov 24 10:33:32 vpn charon: 12[NET] " + message);
        Assert.Equal(signal, record.Normalized?.Signal);
    }

    [Fact]
    public void Time_of_day_only_takes_the_date_from_the_capture()
    {
        var hints = new LogTimeHints { CaptureStart = Timestamp.FromDateTime(new DateTime(2026, 3, 9, 23, 0, 0, DateTimeKind.Utc)) };
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader("23:59:59.500 12[NET] " + Message + "\n00:00:01.250 12[NET] " + Message),
            new AnalysisInput(0, "log", "log", InputKind.DaemonLog), AnalysisLimits.Default, hints, null, result, TestContext.Current.CancellationToken);
        Assert.Equal("2026-03-09T23:59:59.500Z", result.Records[0].Time?.ToIso8601());
        Assert.Equal("2026-03-10T00:00:01.250Z", result.Records[1].Time?.ToIso8601()); // past midnight: the next day
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("only a time of day: the date from the capture", StringComparison.Ordinal));
    }

    [Fact]
    public void Log_level_and_ike_name_are_split_from_the_message()
    {
        EventRecord record = One("Nov 24 10:33:32 05[IKE2] <l2tp-server|3> " + Message);
        Assert.Equal("2", record.Level);
        Assert.Equal("IKE", record.Channel);
        Assert.Equal("l2tp-server", record.GetData("connection"));
        Assert.Equal("3", record.GetData("ikeSa"));
        Assert.Equal(Message, record.Message);
    }

    [Fact]
    public void Charon_without_timestamps_has_no_time_but_its_prefix()
    {
        EventRecord record = One("05[IKE] <7> " + Message);
        Assert.Null(record.Time);
        Assert.Equal("7", record.GetData("ikeSa"));
        Assert.Equal("charon-packet-received", record.Normalized?.Kind);
    }

    [Fact]
    public void Custom_time_format_keeps_the_time_text_and_the_line()
    {
        // A slashed date with the year last: 11/12 could be either day or month first, so it is not guessed.
        EventRecord record = One("11/12/2026 10:33:32 05[NET] " + Message);
        Assert.Null(record.Time);
        Assert.Equal("11/12/2026 10:33:32", record.GetData("timeText"));
        Assert.Equal("charon-packet-received", record.Normalized?.Kind);
    }

    [Fact]
    public void Log_tz_shifts_zone_less_times_and_zoned_times_keep_their_zone()
    {
        var hints = new LogTimeHints { Year = 2026, Zone = TimeSpan.FromHours(2) };
        Assert.Equal("2026-11-24T08:33:32Z", One("Nov 24 10:33:32 12[NET] " + Message, hints).Time?.ToIso8601());
        Assert.Equal("2026-11-24T09:33:32Z", One("2026-11-24T10:33:32+01:00 vpn charon[1]: 12[NET] " + Message, hints).Time?.ToIso8601());
    }

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("+01:00", 60)]
    [InlineData("-0530", -330)]
    [InlineData("UTC+2", 120)]
    public void Log_tz_accepts_offsets(string text, int minutes)
    {
        Assert.True(LogTimeHints.TryParseZone(text, DateTime.UtcNow, out TimeSpan offset));
        Assert.Equal(minutes, (int)offset.TotalMinutes);
    }

    [Fact]
    public void Log_tz_rejects_nonsense()
    {
        Assert.False(LogTimeHints.TryParseZone("+25:00", DateTime.UtcNow, out _));
        Assert.False(LogTimeHints.TryParseZone("Mars/Olympus", DateTime.UtcNow, out _));
    }

    [Fact]
    public void Journal_json_of_charon_systemd_keeps_its_fields()
    {
        const string line = "{\"__REALTIME_TIMESTAMP\":\"1795516412629148\",\"_HOSTNAME\":\"vpn\",\"SYSLOG_IDENTIFIER\":\"charon-systemd\",\"_PID\":\"812\","
            + "\"PRIORITY\":\"6\",\"GROUP\":\"IKE\",\"LEVEL\":\"1\",\"THREAD\":\"5\",\"IKE_SA_UNIQUE_ID\":\"3\",\"IKE_SA_NAME\":\"l2tp-server\",\"MESSAGE\":\"" + Message + "\"}";
        EventRecord record = One(line);
        Assert.Equal("charon", record.Provider);
        Assert.Equal("vpn", record.Computer);
        Assert.Equal("2026-11-24T10:33:32.629148Z", record.Time?.ToIso8601());
        Assert.Equal("05", record.GetData("thread"));
        Assert.Equal("l2tp-server", record.GetData("connection"));
        Assert.Equal("journal-json", record.GetData(DaemonLogReader.FormatKey));
        Assert.Equal("charon-packet-received", record.Normalized?.Kind);
    }

    [Fact]
    public void Journal_json_message_as_bytes_is_decoded()
    {
        EventRecord record = One("{\"__REALTIME_TIMESTAMP\":\"1795516412000000\",\"SYSLOG_IDENTIFIER\":\"xl2tpd\",\"MESSAGE\":[77,97,120,105,109,117,109,32,114,101,116,114,105,101,115,32,101,120,99,101,101,100,101,100,32,102,111,114,32,116,117,110,110,101,108,32,49,52,51,54,51,46,32,32,67,108,111,115,105,110,103,46]}");
        Assert.Equal("xl2tpd", record.Provider);
        Assert.Equal("Maximum retries exceeded for tunnel 14363.  Closing.", record.Message);
    }

    [Fact]
    public void Charon_json_file_logger_is_read()
    {
        EventRecord record = One("{\"time\":\"2026-11-24 10:33:32.629\",\"thread\":12,\"group\":\"NET\",\"level\":1,\"ikesa-uniqueid\":\"3\",\"ikesa-name\":\"l2tp\",\"msg\":\"" + Message + "\"}");
        Assert.Equal("2026-11-24T10:33:32.629Z", record.Time?.ToIso8601());
        Assert.Equal("charon-json", record.GetData(DaemonLogReader.FormatKey));
        Assert.Equal("3", record.GetData("ikeSa"));
        Assert.Equal("charon-packet-received", record.Normalized?.Kind);
    }

    [Fact]
    public void Pppd_own_log_file_lines_are_pppd_by_their_wording()
    {
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader("Using interface ppp0\nConnect: ppp0 <--> /dev/pts/3\nsent [LCP ConfReq id=0x1 <asyncmap 0x0> <magic 0x5e0a7b2c>]"),
            new AnalysisInput(0, "log", "log", InputKind.DaemonLog), AnalysisLimits.Default, 2026, result, TestContext.Current.CancellationToken);
        Assert.All(result.Records, r => Assert.Equal("pppd", r.Provider));
        Assert.Equal("Connect: ppp0 <--> /dev/pts/3", result.Records[1].Message);
    }

    [Fact]
    public void Other_programs_of_a_shared_syslog_are_counted_not_kept()
    {
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader("Nov 24 10:33:31 vpn CRON[77]: (root) CMD (true)\nNov 24 10:33:32 vpn charon[812]: 12[NET] " + Message),
            new AnalysisInput(0, "log", "log", InputKind.DaemonLog), AnalysisLimits.Default, 2026, result, TestContext.Current.CancellationToken);
        Assert.Equal("charon", Assert.Single(result.Records).Provider);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("1 lines of other programs skipped (CRON 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Journal_banners_are_not_records()
    {
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader("-- Logs begin at Mon 2026-11-23 08:00:00 UTC, end at Tue 2026-11-24 11:00:00 UTC. --\nNov 24 10:33:32 vpn xl2tpd[900]: Maximum retries exceeded for tunnel 14363.  Closing.\n-- Boot 0f3c2b7a9e --"),
            new AnalysisInput(0, "log", "log", InputKind.DaemonLog), AnalysisLimits.Default, 2026, result, TestContext.Current.CancellationToken);
        Assert.Equal("xl2tpd", Assert.Single(result.Records).Provider);
    }

    [Theory]
    [InlineData("10:33:32 05[NET] a\n10:33:33 05[NET] b\n")]
    [InlineData("05[NET] a\n05[IKE] b\n")]
    [InlineData("<30>1 2026-11-24T10:33:32Z vpn charon 1 - - a\n<30>1 2026-11-24T10:33:33Z vpn charon 1 - - b\n")]
    [InlineData("2026-11-24T10:33:32+0100 vpn xl2tpd[9]: a\n2026-11-24T10:33:33+0100 vpn pppd[10]: b\n")]
    [InlineData("{\"__CURSOR\":\"s=1\",\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"a\"}\n{\"__CURSOR\":\"s=2\",\"__REALTIME_TIMESTAMP\":\"2\",\"MESSAGE\":\"b\"}\n")]
    [InlineData("Plugin pppol2tp.so loaded.\nUsing interface ppp0\nConnect: ppp0 <--> /dev/pts/3\nsent [LCP ConfReq id=0x1 <asyncmap 0x0>]\n")]
    public void Sniffer_recognises_the_shapes(string text)
    {
        Assert.Equal(InputKind.DaemonLog, EventLogFormat.Sniff(System.Text.Encoding.UTF8.GetBytes(text), "x.txt"));
    }

    [Theory]
    [InlineData("# strongSwan configuration\ncharon {\n  filelog {\n    charon { path = /var/log/charon.log }\n  }\n}\n")]
    [InlineData("Meeting notes\nThe VPN uses charon and xl2tpd.\nTODO: check pppd options\n")]
    public void Sniffer_does_not_take_prose_or_configs_for_logs(string text)
    {
        Assert.Equal(InputKind.Unknown, EventLogFormat.Sniff(System.Text.Encoding.UTF8.GetBytes(text), "x.txt"));
    }

    [Fact]
    public void Swanctl_list_sas_output_is_a_charon_snapshot()
    {
        const string text = "l2tp-server: #1, ESTABLISHED, IKEv1, 9ddc6530e77f57c0_i 419d2a71c983223f_r*\n"
            + "  local  '203.0.113.10' @ 203.0.113.10[4500]\n"
            + "  remote '198.51.100.20' @ 198.51.100.20[4500]\n"
            + "  AES_CBC-128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048\n"
            + "  established 12s ago\n"
            + "  l2tp: #1, reqid 1, INSTALLED, TRANSPORT-in-UDP, ESP:AES_CBC-128/HMAC_SHA1_96\n"
            + "    in  c1c0a5e2,   2840 bytes,    31 packets,     2s ago\n"
            + "    out c9d3b1f4,   2412 bytes,    29 packets,     2s ago\n";
        Assert.Equal(InputKind.DaemonLog, EventLogFormat.Sniff(System.Text.Encoding.UTF8.GetBytes(text), "sas.txt"));
        var result = new EventLogReadResult();
        DaemonLogReader.Read(new StringReader(text), new AnalysisInput(0, "sas.txt", "sas.txt", InputKind.DaemonLog), AnalysisLimits.Default, 2026, result, TestContext.Current.CancellationToken);
        Analyzer.EventLogs.Normalization.EventNormalizer.NormalizeAll(result.Records);
        Assert.All(result.Records, r => Assert.Equal("charon", r.Provider));
        EventRecord ike = result.Records.Single(r => r.Normalized?.Kind == "charon-snapshot-ike-sa");
        Assert.Equal(0x9ddc6530e77f57c0UL, ike.Normalized!.InitiatorCookie);
        Assert.Equal("ESTABLISHED", ike.Normalized.Fields["state"]);
        Assert.Equal(2, result.Records.Count(r => r.Normalized?.Kind == "charon-snapshot-child-traffic"));
    }
}

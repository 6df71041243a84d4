using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// The lab's Libreswan 4.10 logs (samples/captures/libreswan-*), one per format pluto writes:
/// its own <c>logfile=</c> with <c>logtime=yes</c> and <c>logtime=no</c>, syslog (<c>pluto[pid]:</c>),
/// and the <c>ipsec status</c> snapshot; each read as a whole file, format sniffed from content.
/// </summary>
public sealed class PlutoLogTests
{
    private static List<EventRecord> Kinds(EventLogReadResult result, string kind) =>
        result.Records.Where(r => r.Normalized?.Kind == kind).ToList();

    [Theory]
    [InlineData("libreswan-server-psk-sa-install-fails", "pluto-server-logtime.log", true)]
    [InlineData("libreswan-server-ikev1-dropped", "pluto-server-logtime.log", true)]
    [InlineData("libreswan-server-proposal-mismatch", "pluto-server-nologtime.log", false)]
    [InlineData("libreswan-server-psk-mismatch", "pluto-server-syslog.log", true)]
    [InlineData("libreswan-client-psk-mismatch", "pluto-client-syslog.log", true)]
    public void Every_line_of_a_pluto_log_is_pluto_with_a_time_when_the_format_has_one(string scenario, string file, bool timed)
    {
        string path = SampleLogs.LabFile(scenario, file);
        Assert.Equal(InputKind.DaemonLog, EventLogReader.SniffFile(path));
        EventLogReadResult result = SampleLogs.Read(path, 2026);
        Assert.Equal(File.ReadAllLines(path).Count(line => line.Length > 0), result.Records.Count);
        Assert.All(result.Records, r => Assert.Equal("pluto", r.Provider));
        Assert.All(result.Records, r => Assert.Equal(timed, r.Time is not null));
        Assert.Contains(result.Records, r => r.Normalized is not null);
    }

    [Fact]
    public void Logtime_yes_keeps_the_microseconds()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile("libreswan-server-psk-sa-install-fails", "pluto-server-logtime.log"), 2026);
        Assert.Equal(6, result.Records[0].Time!.Value.FractionDigits);
        Assert.All(result.Records, r => Assert.Equal("pluto-logfile", r.GetData("format")));
    }

    [Fact]
    public void Sa_install_failure_names_the_kernel_error_and_ties_quick_mode_to_its_ike_sa()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile("libreswan-server-psk-sa-install-fails", "pluto-server-logtime.log"), 2026);
        EventRecord kernel = Kinds(result, "pluto-kernel-sa-failed").First(r => r.Normalized!.Fields.ContainsKey("errno"));
        Assert.Equal("93", kernel.Normalized!.Fields["errno"]);
        Assert.Equal("error", kernel.Level);
        Assert.Equal("l2tp-psk", kernel.GetData("connection"));
        Assert.Equal("1", kernel.GetData("instance"));
        Assert.Equal("198.51.100.20", kernel.GetData("peer"));
        Assert.Equal("2", kernel.GetData("serial"));
        Assert.Equal("1", kernel.GetData("ikeSa"));   // Quick Mode state #2 belongs to ISAKMP SA #1
        EventRecord established = Kinds(result, "pluto-ike-established").First();
        Assert.Equal("1", established.GetData("ikeSa"));
        Assert.Equal("PRESHARED_KEY", established.Normalized!.Fields["authMethod"]);
        Assert.Contains(result.Records, r => r.GetData("state") == "STATE_QUICK_R0");
    }

    [Fact]
    public void Debian_default_ikev1_policy_shows_as_refused_ikev1()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile("libreswan-server-ikev1-dropped", "pluto-server-logtime.log"), 2026);
        List<EventRecord> refused = Kinds(result, "pluto-ikev1-refused");
        Assert.Contains(refused, r => r.Normalized!.RemoteAddress?.ToString() == "198.51.100.20" && r.Normalized.RemotePort == 500);
        Assert.All(refused, r => Assert.Equal(("ike-reachability", "failed"), (r.Normalized!.Stage, r.Normalized.Outcome)));
    }

    [Theory]
    [InlineData("libreswan-server-psk-mismatch", "pluto-server-syslog.log")]
    [InlineData("libreswan-client-psk-mismatch", "pluto-client-syslog.log")]
    public void Psk_mismatch_fails_phase1_authentication_on_either_end(string scenario, string file)
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile(scenario, file), 2026);
        Assert.Contains(result.Records, r => r.Normalized is { Kind: "pluto-auth-failed", Stage: "phase1-auth", Outcome: "failed" });
        Assert.DoesNotContain(result.Records, r => r.Normalized?.Kind is "pluto-ike-established" or "pluto-no-proposal");
        Assert.All(result.Records.Where(r => r.GetData("serial") == "1"), r => Assert.Equal("1", r.GetData("ikeSa")));
        Assert.Contains(result.Records, r => r.Computer is "vpn-server" or "vpn-client" && r.GetData("pid") is not null);
    }

    [Fact]
    public void Proposal_mismatch_without_times_gives_the_refusal_once_and_the_transform_as_noise()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.LabFile("libreswan-server-proposal-mismatch", "pluto-server-nologtime.log"), 2026);
        Assert.Single(Kinds(result, "pluto-transform-refused"));
        EventRecord refusal = Assert.Single(Kinds(result, "pluto-no-proposal"), r => r.Normalized!.Stage == "phase1-proposal");
        Assert.Equal("l2tp-psk", refusal.Normalized!.ConnectionName);
        Assert.False(Kinds(result, "pluto-transform-refused")[0].Normalized!.IsFailure);
    }

    [Fact]
    public void Ipsec_status_snapshot_is_read_as_pluto_states()
    {
        string path = SampleLogs.LabFile("libreswan-server-psk-sa-install-fails", "ipsec-status-server.txt");
        Assert.Equal(InputKind.DaemonLog, EventLogReader.SniffFile(path));
        EventLogReadResult result = SampleLogs.Read(path, 2026);
        Assert.All(result.Records, r => Assert.Equal("pluto", r.Provider));
        List<EventRecord> states = Kinds(result, "pluto-status-state");
        Assert.Equal(["STATE_MAIN_R3", "STATE_QUICK_R0"], states.Select(r => r.GetData("state")));
        Assert.All(states, r => Assert.Equal(("l2tp-psk", "1", "198.51.100.20", "000"), (r.GetData("connection"), r.GetData("instance"), r.GetData("peer"), r.GetData("whackCode"))));
        Assert.Equal(["1", "1"], states.Select(r => r.GetData("ikeSa")));
    }

    [Fact]
    public void Unrecognised_pluto_lines_are_counted_as_pluto()
    {
        // Two real lines of the lab's log and one wording no map entry knows.
        string path = Path.Combine(Path.GetTempPath(), "vpndiag-pluto-" + Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllLines(path,
        [
            "Dec  7 05:24:52.043798: \"l2tp-psk\"[1] 198.51.100.20 #1: responding to Main Mode from unknown peer 198.51.100.20:500",
            "Dec  7 05:24:52.045514: \"l2tp-psk\"[1] 198.51.100.20 #1: a wording no pluto map entry knows",
            "Dec  7 05:24:52.053499: \"l2tp-psk\"[1] 198.51.100.20 #1: sent Main Mode R2",
        ]);
        try
        {
            EventLogReadResult result = SampleLogs.Read(path, 2026);
            Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("1 pluto lines not recognised (of 3", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

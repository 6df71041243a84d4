using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// The lab's syslog-* runs (lab lib/log-hosts.sh): charon, pluto and xl2tpd logging through a real
/// systemd-journald forwarding to rsyslogd, written as rsyslog's traditional (RFC 3164 time), high
/// precision and RFC 5424 files and exported with journalctl -o short, short-iso, short-precise and
/// json. The three rsyslog files hold the same lines, and so do the four journal exports: each shape
/// must give the kinds of its family's first (as many of each: journalctl orders by time stamp,
/// rsyslog by arrival, so lines a moment apart may swap), a time on every line, and nothing of the
/// journal's other programs. journald's forwarding drops lines of a burst when rsyslog's socket is
/// full ("Forwarding to syslog missed N messages"), so the rsyslog files hold part of the journal.
/// </summary>
public sealed class SyslogShapeTests
{
    private static readonly string[] Scenarios = ["syslog-weak-proposals", "syslog-libreswan-server-sa-install-fails"];
    private static readonly string[] OtherShapes = ["syslog-iso.txt", "syslog-rfc5424.txt", "journal-short.txt", "journal-short-iso.txt", "journal-short-precise.txt", "journal.json"];

    public static TheoryData<string, string, string> Shapes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string scenario in Scenarios)
        {
            foreach (string role in new[] { "server", "client" })
            {
                foreach (string shape in OtherShapes)
                {
                    data.Add(scenario, role, shape);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_syslog_and_journal_shape_gives_the_kinds_of_the_traditional_file(string scenario, string role, string shape)
    {
        string first = shape.StartsWith("syslog", StringComparison.Ordinal) ? "syslog-bsd.txt" : "journal-short.txt";
        EventLogReadResult reference = SampleLogs.Read(SampleLogs.LabFile(scenario, $"{role}-{first}"), 2026);
        EventLogReadResult other = SampleLogs.Read(SampleLogs.LabFile(scenario, $"{role}-{shape}"), 2026);
        string[] expected = Kinds(reference);
        Assert.Contains(expected, kind => kind.EndsWith("established", StringComparison.Ordinal) || kind.EndsWith("failed", StringComparison.Ordinal));
        Assert.Equal(expected, Kinds(other));
        Assert.All(other.Records, r => Assert.Contains(r.Provider, new[] { "charon", "pluto", "xl2tpd", "pppd" }));
        Assert.All(other.Records, r => Assert.NotNull(r.Time));
    }

    [Theory]
    [InlineData("syslog-weak-proposals", "server")]
    [InlineData("syslog-weak-proposals", "client")]
    [InlineData("syslog-libreswan-server-sa-install-fails", "server")]
    [InlineData("syslog-libreswan-server-sa-install-fails", "client")]
    public void Journal_export_holds_every_kind_the_rsyslog_file_got_from_it(string scenario, string role)
    {
        List<string> journal = Kinds(SampleLogs.Read(SampleLogs.LabFile(scenario, $"{role}-journal-short.txt"), 2026)).ToList();
        foreach (string kind in Kinds(SampleLogs.Read(SampleLogs.LabFile(scenario, $"{role}-syslog-bsd.txt"), 2026)))
        {
            Assert.True(journal.Remove(kind), $"{kind} is in the rsyslog file more often than in the journal");
        }
    }

    [Theory]
    [InlineData("syslog-weak-proposals", "server", "journal-short.txt", "pppd")]
    [InlineData("syslog-weak-proposals", "server", "journal-short-precise.txt", "pppd")]
    public void Journal_continuation_lines_keep_the_program_and_time_of_their_first_line(string scenario, string role, string shape, string daemon)
    {
        EventLogReadResult read = SampleLogs.Read(SampleLogs.LabFile(scenario, $"{role}-{shape}"), 2026);
        int first = read.Records.FindIndex(r => r.Message?.StartsWith("You need to create the /dev/ppp device node", StringComparison.Ordinal) == true);
        Assert.True(first >= 0, "pppd's multi-line message is missing");
        EventRecord continuation = read.Records[first + 1];
        Assert.Equal(daemon, continuation.Provider);
        Assert.Equal(read.Records[first].Time, continuation.Time);
        Assert.Contains("executing the following command as root:", continuation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfc5424_line_from_rsyslog_gives_the_charon_message_without_the_separator_space()
    {
        EventLogReadResult read = SampleLogs.Read(SampleLogs.LabFile("syslog-weak-proposals", "client-syslog-rfc5424.txt"), 2026);
        EventRecord proposal = read.Records.First(r => r.Message?.Contains("selected proposal: IKE:", StringComparison.Ordinal) == true);
        Assert.Equal("charon", proposal.Provider);
        Assert.StartsWith("selected proposal", proposal.Message, StringComparison.Ordinal);
        Assert.Equal("CFG", proposal.GetData("group"));
    }

    private static string[] Kinds(EventLogReadResult result) =>
        result.Records.Select(r => r.Normalized?.Kind).OfType<string>().Order(StringComparer.Ordinal).ToArray();
}

using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// The lab's log-formats-* runs: the same charon wrote its log in four shapes at once (lab
/// lib/log-formats.sh: the lab's own %b %e %T.ms with connection names, no time and no names,
/// %H:%M:%S.ms with log levels, ISO time with zone). Every shape must give the same kinds, line for
/// line, and the same times where it has them.
/// </summary>
public sealed class LogShapeTests
{
    public static TheoryData<string, string, string> Shapes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string scenario in new[] { "log-formats-psk-mismatch", "log-formats-healthy-psk" })
        {
            foreach (string role in new[] { "server", "client" })
            {
                foreach (string shape in new[] { "notime", "hms", "iso" })
                {
                    data.Add(scenario, role, shape);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_shape_gives_the_kinds_of_the_labs_own_log(string scenario, string role, string shape)
    {
        EventLogReadResult reference = SampleLogs.Read(SampleLogs.LabFile(scenario, $"charon-{role}.log"));
        EventLogReadResult other = SampleLogs.Read(SampleLogs.LabFile(scenario, $"charon-{role}-{shape}.log"));
        Assert.All(other.Records, r => Assert.Equal("charon", r.Provider));
        string[] expected = reference.Records.Select(r => r.Normalized?.Kind ?? "-").ToArray();
        string[] actual = other.Records.Select(r => r.Normalized?.Kind ?? "-").ToArray();
        Assert.Equal(expected, actual);
        Assert.Contains(expected, kind => kind != "-");
    }

    [Theory]
    [InlineData("log-formats-psk-mismatch", "server")]
    [InlineData("log-formats-healthy-psk", "client")]
    public void Time_of_day_and_iso_shapes_give_the_times_of_the_labs_own_log(string scenario, string role)
    {
        EventLogReadResult reference = SampleLogs.Read(SampleLogs.LabFile(scenario, $"charon-{role}.log"));
        Timestamp first = reference.Records[0].Time!.Value;
        var input = new AnalysisInput(0, "hms", "hms", InputKind.DaemonLog);
        EventLogReadResult hms = EventLogReader.ReadWithTimeHints(input with { Path = SampleLogs.LabFile(scenario, $"charon-{role}-hms.log") },
            AnalysisLimits.Default, new LogTimeHints { CaptureStart = first }, TestContext.Current.CancellationToken);
        EventLogReadResult iso = SampleLogs.Read(SampleLogs.LabFile(scenario, $"charon-{role}-iso.log"));
        for (int i = 0; i < reference.Records.Count; i++)
        {
            // Each logger reads the clock itself, a moment apart (68 ms seen on a loaded lab host); the ISO
            // shape has whole seconds. A wrong date, year or zone would be hours off, not a fraction of a second.
            Timestamp expected = reference.Records[i].Time!.Value;
            Assert.InRange(Math.Abs(hms.Records[i].Time!.Value.SecondsSince(expected)), 0, 0.5);
            Assert.InRange(iso.Records[i].Time!.Value.SecondsSince(expected), -1.5, 0.5);
        }

        Assert.Contains(hms.Diagnostics, d => d.Message.Contains("only a time of day: the date from the capture", StringComparison.Ordinal));
    }
}

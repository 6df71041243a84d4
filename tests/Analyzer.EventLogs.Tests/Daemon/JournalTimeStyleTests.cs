using System.Globalization;
using System.Text.RegularExpressions;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// journalctl's other time styles, made from the lab's real short-iso export by rewriting only the
/// time stamp: <c>-o short-full</c> ("Mon 2026-12-07 08:31:09 UTC host charon[1449]: …") is read
/// with its times, and <c>-o short-monotonic</c> ("[ 1234.567890] host charon[1449]: …", seconds
/// since boot) is read as syslog without a time, with one warning saying why. Before, both were
/// "unsupported input".
/// </summary>
public sealed partial class JournalTimeStyleTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-journal-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\+0000 ", RegexOptions.CultureInvariant)]
    private static partial Regex IsoStamp();

    [Fact]
    public void A_short_full_journal_export_is_read_with_the_same_records_and_times_as_short_iso()
    {
        string iso = SampleLogs.LabFile("syslog-weak-proposals", "server-journal-short-iso.txt");
        string full = Rewrite(iso, "full.txt", time => DateTime.ParseExact(time, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            .ToString("ddd yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + " ");

        EventLogReadResult reference = SampleLogs.Read(iso);
        EventLogReadResult other = SampleLogs.Read(full);
        Assert.NotEmpty(other.Records);
        Assert.Equal(reference.Records.Select(r => (r.Provider, r.Message, r.Time)), other.Records.Select(r => (r.Provider, r.Message, r.Time)));
        Assert.Equal(reference.Records.Select(r => r.Computer), other.Records.Select(r => r.Computer));
    }

    [Fact]
    public void A_short_monotonic_journal_export_is_read_without_times_and_says_why_once()
    {
        string iso = SampleLogs.LabFile("syslog-weak-proposals", "server-journal-short-iso.txt");
        int second = 0;
        string monotonic = Rewrite(iso, "monotonic.txt", _ => string.Create(CultureInfo.InvariantCulture, $"[{++second,5}.123456] "));

        EventLogReadResult reference = SampleLogs.Read(iso);
        EventLogReadResult other = SampleLogs.Read(monotonic);
        Assert.Equal(reference.Records.Select(r => (r.Provider, r.Message, r.Computer)), other.Records.Select(r => (r.Provider, r.Message, r.Computer)));
        Assert.All(other.Records, r => Assert.Null(r.Time));
        Assert.Single(other.Diagnostics, d => d.Message.Contains("short-monotonic", StringComparison.Ordinal));
    }

    private string Rewrite(string source, string name, Func<string, string> stamp)
    {
        string path = Path.Combine(_temp, name);
        File.WriteAllLines(path, File.ReadAllLines(source).Select(line => IsoStamp().Replace(line, m => stamp(m.Groups["time"].Value))));
        return path;
    }
}

using Analyzer.Pipeline;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// A charon log written with <c>%H:%M:%S</c> carries no date. Without a capture it used to take the
/// date of its file's modification time, which is when the file was copied or checked out, so the
/// same negotiation in a dated log of the same bundle became a second attempt days away. The other
/// logs' first full time now dates it (lab logs of log-formats-psk-mismatch, copied with a far-off
/// modification time).
/// </summary>
public sealed class TimeOfDayLogDatingTests
{
    [Fact]
    public void A_time_of_day_log_takes_its_date_from_the_dated_logs_of_its_bundle_not_from_its_file_time()
    {
        string scenario = Path.Combine(RepoPaths.Samples, "captures", "log-formats-psk-mismatch");
        string folder = Path.Combine(Path.GetTempPath(), "vpndiag-hms-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string dated = Path.Combine(folder, "charon-client.log");
            string timeOfDay = Path.Combine(folder, "charon-client-hms.log");
            File.Copy(Path.Combine(scenario, "charon-client.log"), dated);
            File.Copy(Path.Combine(scenario, "charon-client-hms.log"), timeOfDay);
            File.SetLastWriteTimeUtc(timeOfDay, new DateTime(2031, 7, 15, 12, 0, 0, DateTimeKind.Utc));

            BundleAnalysisResult result = BuiltInCatalogue.Analyze(dated, timeOfDay);

            var attempt = Assert.Single(result.Document.Attempts);
            Assert.Equal(2, attempt.Views.Count);
            Assert.Contains(result.Document.Inputs.SelectMany(i => i.Warnings).Concat(result.Document.Warnings), w => w.Message.Contains("the date from the other logs", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

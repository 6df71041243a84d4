using System.Text;
using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// XmlReader holds attribute values and element names whole; an XML export with one of hundreds of
/// megabytes (crafted or corrupt) must still be read in bounded memory, the value cut at
/// <see cref="AnalysisLimits.MaxStringLength"/> with a warning naming file, line and event, and the
/// events after it read. Synthetic damage on a real export: one event of
/// samples/events/healthy-psk/client-security.xml gets the huge part, written streaming so the test
/// itself never holds it.
/// </summary>
public sealed class XmlMarkupLimitTests : IDisposable
{
    private const long MemoryBound = 32L << 20;
    private const int HugeMegabytes = 320;
    private const string Sample = "events/healthy-psk/client-security.xml";
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-xmlmarkup-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>The sample with its second event split at <paramref name="marker"/>: the text before, <paramref name="megabytes"/> MB of 'x' (once per marker occurrence), the text after.</summary>
    private (string Path, EventLogReadResult Clean) WriteWithHugePart(string marker, int megabytes)
    {
        string source = HostileSamples.Sample(Sample);
        string[] lines = File.ReadAllLines(source);
        Assert.Contains(marker, lines[1], StringComparison.Ordinal);
        string path = Path.Combine(_temp, "huge.xml");
        char[] chunk = new string('x', 1 << 20).ToCharArray();
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            for (int i = 0; i < lines.Length; i++)
            {
                string[] parts = i == 1 ? lines[i].Split(marker) : [lines[i]];
                for (int p = 0; p < parts.Length; p++)
                {
                    writer.Write(parts[p]);
                    if (p < parts.Length - 1)
                    {
                        writer.Write(marker);
                        for (int m = 0; m < megabytes; m++)
                        {
                            writer.Write(chunk);
                        }
                    }
                }

                writer.Write('\n');
            }
        }

        EventLogReadResult clean = EventLogReader.Read(new AnalysisInput(0, source, "client-security.xml", InputKind.EventXml), AnalysisLimits.Default, 2026, CancellationToken.None);
        return (path, clean);
    }

    private static EventLogReadResult ReadMeasured(string path, out long allocated)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        EventLogReadResult result = EventLogReader.Read(new AnalysisInput(0, path, "huge.xml", InputKind.EventXml), AnalysisLimits.Default, 2026, CancellationToken.None);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return result;
    }

    private static void AssertCutAtSecondEvent(EventLogReadResult result, EventLogReadResult clean, long allocated)
    {
        Assert.True(allocated < MemoryBound, $"{allocated} bytes allocated");
        // Every event is read, the ones after the huge part included.
        Assert.Equal(clean.Records.Select(r => r.RecordId), result.Records.Select(r => r.RecordId));
        Assert.Equal(clean.Records[^1].Data, result.Records[^1].Data);
        InputDiagnostic notice = Assert.Single(result.Diagnostics, d => d.Message.Contains($"longer than {AnalysisLimits.Default.MaxStringLength} characters", StringComparison.Ordinal));
        Assert.Equal("huge.xml", notice.Input);
        Assert.Equal(2, notice.Frame);
        Assert.Contains("at line 2 ", notice.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, notice.Severity);
    }

    [Fact]
    public void A_320_MB_attribute_value_is_cut_at_the_string_limit_in_bounded_memory_and_later_events_are_read()
    {
        (string path, EventLogReadResult clean) = WriteWithHugePart("Name='LocalAddressMask", HugeMegabytes);

        EventLogReadResult result = ReadMeasured(path, out long allocated);

        AssertCutAtSecondEvent(result, clean, allocated);
        // The cut name keeps exactly the limit; the element's value is untouched.
        KeyValuePair<string, string> cut = Assert.Single(result.Records[1].Data, d => d.Key.StartsWith("LocalAddressMask", StringComparison.Ordinal));
        Assert.Equal(AnalysisLimits.Default.MaxStringLength, cut.Key.Length);
        Assert.Equal(clean.Records[1].Data.Single(d => d.Key == "LocalAddressMask").Value, cut.Value);
    }

    [Fact]
    public void A_huge_element_name_in_start_and_end_tag_is_cut_alike_in_bounded_memory_and_later_events_are_read()
    {
        // 2 x 160 MB: the start tag <Computer…> and its end tag </Computer…> both carry the huge name.
        (string path, EventLogReadResult clean) = WriteWithHugePart("Computer", HugeMegabytes / 2);

        EventLogReadResult result = ReadMeasured(path, out long allocated);

        AssertCutAtSecondEvent(result, clean, allocated);
        // The renamed element is no longer <Computer>; the rest of the event is intact.
        Assert.Null(result.Records[1].Computer);
        Assert.Equal(clean.Records[1].Data, result.Records[1].Data);
    }
}

using System.Text;
using Analyzer.Core;
using Analyzer.EventLogs.Xml;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// The guard between decoded XML and XmlReader: transparent on real exports (samples/events and
/// ../shared/evtx/vpn), whatever their encoding; on SYNTHETIC hostile markup (no exporter writes it)
/// it cuts what XmlReader would hold whole, in bounded memory, keeping the document well-formed.
/// </summary>
public sealed class XmlMarkupGuardTests : IDisposable
{
    private const long MemoryBound = 32L << 20;
    private const string Ns = "http://schemas.microsoft.com/win/2004/08/events/event";
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-xmlguard-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> RealExports()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Samples, "events"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        if (RepoPaths.Shared is { } shared && Directory.Exists(Path.Combine(shared, "evtx", "vpn")))
        {
            foreach (string file in Directory.GetFiles(Path.Combine(shared, "evtx", "vpn"), "*.xml").Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    private static string Resolve(string file) => Path.IsPathRooted(file) ? file : Path.Combine(RepoPaths.Root, file);

    private static string ThroughGuard(Stream stream, AnalysisLimits limits)
    {
        using var guard = new XmlMarkupGuard(XmlTextDecoder.Open(stream, out _), limits);
        return guard.ReadToEnd();
    }

    [Theory]
    [MemberData(nameof(RealExports))]
    public void Real_export_passes_through_the_guard_unchanged(string file)
    {
        string path = Resolve(file);
        using FileStream stream = File.OpenRead(path);

        Assert.Equal(File.ReadAllText(path), ThroughGuard(stream, AnalysisLimits.Default));
    }

    private static string Describe(EventLogReadResult result) => string.Join("\n", result.Records.Select(r =>
        $"{r.RecordId} {r.EventId} {r.Provider} {r.Channel} {r.Computer} {r.Level} {r.Time} {r.SourceLine} {r.Message} "
        + string.Join("|", r.Data.Select(d => d.Key + "=" + d.Value))))
        + "\n" + string.Join("\n", result.Diagnostics.Select(d => d.Message));

    private static EventLogReadResult Read(string path, AnalysisLimits? limits = null) =>
        EventLogReader.Read(new AnalysisInput(0, path, "x.xml", InputKind.EventXml), limits ?? AnalysisLimits.Default, 2026, TestContext.Current.CancellationToken);

    public static TheoryData<string> Encodings() => ["utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-8-bom"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Export_in_another_Windows_encoding_gives_the_same_events_as_UTF8(string encodingName)
    {
        // Event Viewer writes UTF-16LE with a BOM; the samples are UTF-8, so each is re-encoded here.
        Encoding encoding = encodingName switch
        {
            "utf-16le-bom" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be-bom" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        };
        foreach (string file in RealExports().Select(row => row.Data))
        {
            string path = Resolve(file);
            string text = File.ReadAllText(path);
            if (encoding is UnicodeEncoding)
            {
                text = text.Replace("encoding=\"utf-8\"", "encoding=\"UTF-16\"", StringComparison.OrdinalIgnoreCase);
            }

            string copy = Path.Combine(_temp, encodingName + ".xml");
            File.WriteAllText(copy, text, encoding);

            string expected = Describe(Read(path));
            Assert.Equal(expected, Describe(Read(copy)));
            Assert.NotEqual("\n", expected);
        }
    }

    [Fact]
    public void Declared_encoding_this_runtime_lacks_is_read_as_UTF8_with_a_note()
    {
        string path = Path.Combine(_temp, "latin.xml");
        File.WriteAllText(path, "<?xml version='1.0' encoding='x-no-such-encoding'?><Events>" + Event(1, "<Data>a</Data>") + "</Events>");

        EventLogReadResult result = Read(path);

        Assert.Single(result.Records);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'x-no-such-encoding'", StringComparison.Ordinal) && d.Offset == 0);
    }

    private static string Event(int recordId, string data, string attributes = "") =>
        $"<Event xmlns='{Ns}'><System><Provider Name='RasClient'/><EventID>20227</EventID><EventRecordID>{recordId}</EventRecordID></System><EventData{attributes}>{data}</EventData></Event>\n";

    [Fact]
    public void Attribute_value_longer_than_the_limit_is_cut_to_it_once_reported_with_its_file_line()
    {
        // Its value spans 5 lines: the lines after it are still the file's lines.
        string name = new string('a', 30) + "\n" + new string('b', 40) + "\nc\nd\ne";
        string xml = "<Events>\n" + Event(1, $"<Data Name='{name}'>v</Data>") + "\n<Oops>\n" + Event(2, "<Data>w</Data>") + "</Events>";
        string path = Path.Combine(_temp, "cut.xml");
        File.WriteAllText(path, xml);

        EventLogReadResult result = Read(path, new AnalysisLimits { MaxStringLength = 64 });

        Assert.Equal([1L, 2L], result.Records.Select(r => r.RecordId));
        KeyValuePair<string, string> data = Assert.Single(result.Records[0].Data);
        Assert.Equal(new string('a', 30) + " " + new string('b', 33), data.Key);
        Assert.Equal("v", data.Value);
        InputDiagnostic cut = Assert.Single(result.Diagnostics, d => d.Message.Contains("longer than 64", StringComparison.Ordinal));
        Assert.Equal(1, cut.Frame);
        Assert.Contains("at line 3 ", cut.Message, StringComparison.Ordinal);
        // <Oops> is never closed: the fault is at the file's line 10 (</Events>), however many line breaks the cut dropped.
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("XML is malformed at line 10,", StringComparison.Ordinal));
    }

    [Fact]
    public void Element_names_cut_alike_in_start_and_end_tags_still_match()
    {
        string xml = "<Events>" + Event(1, "<Data>a</Data>").Replace("EventData>", "EventDataWithALongName>", StringComparison.Ordinal)
            + Event(2, "<Data>b</Data>") + "</Events>";
        string path = Path.Combine(_temp, "names.xml");
        File.WriteAllText(path, xml);

        EventLogReadResult result = Read(path, new AnalysisLimits { MaxStringLength = 16 });

        Assert.Equal([1L, 2L], result.Records.Select(r => r.RecordId));
        Assert.Empty(result.Records[0].Data);
        Assert.Equal("b", Assert.Single(result.Records[1].Data).Value);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("longer than 16", StringComparison.Ordinal) && d.Frame == 1);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("malformed", StringComparison.Ordinal));
    }

    [Fact]
    public void Character_reference_with_thousands_of_leading_zeros_reads_as_its_character()
    {
        string xml = "<Events>" + Event(1, "<Data Name='n&#x" + new string('0', 10_000) + "41;'>&#" + new string('0', 10_000) + "66;</Data>") + "</Events>";
        string path = Path.Combine(_temp, "zeros.xml");
        File.WriteAllText(path, xml);

        EventLogReadResult result = Read(path);

        Assert.Equal(new KeyValuePair<string, string>("nA", "B"), Assert.Single(Assert.Single(result.Records).Data));
        Assert.Empty(result.Diagnostics);
    }

    /// <summary>Markup XmlReader would hold whole: text before the huge part, the part repeated, text after, what the warning says (null: nothing lost, no warning).</summary>
    public static TheoryData<string, string, string, string, string?> HugeMarkup() => new()
    {
        { "CDATA section", "<Data><![CDATA[", "x", "]]></Data>", "longer than" },
        { "attribute name", "<Data N", "x", "='1'>v</Data>", "longer than" },
        { "namespace URI", "<Data xmlns:p='", "x", "'>v</Data>", "longer than" },
        { "processing instruction target", "<?p", "x", " d?><Data>v</Data>", "longer than" },
        { "blanks inside a start tag", "<Data", " ", "Name='n'>v</Data>", null },
        { "blanks inside an end tag", "<Data>v</Data", " ", ">", null },
        { "attributes by the million", "<Data", " a{0}='1'", ">v</Data>", "more than 256 attributes" },
        { "nesting by the million", "", "<a>", "", "nested deeper than 64 levels" },
    };

    [Theory]
    [MemberData(nameof(HugeMarkup))]
    public void Huge_markup_is_read_in_bounded_memory_and_the_next_event_is_read(string what, string before, string unit, string after, string? warning)
    {
        const long Size = 16L << 20;
        string path = Path.Combine(_temp, "huge.xml");
        long repeats = 0;
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            writer.Write("<Events>\n" + Event(1, "<Data>a</Data>") + $"<Event xmlns='{Ns}'><System><EventRecordID>2</EventRecordID></System><UserData><U>{before}");
            bool numbered = unit.Contains("{0}", StringComparison.Ordinal);
            string block = numbered ? string.Empty : string.Concat(Enumerable.Repeat(unit, 4096));
            for (long written = 0; written < Size; repeats += numbered ? 1 : 4096)
            {
                string piece = numbered ? string.Format(System.Globalization.CultureInfo.InvariantCulture, unit, repeats) : block;
                writer.Write(piece);
                written += piece.Length;
            }

            if (unit == "<a>")
            {
                for (long i = 0; i < repeats; i++)
                {
                    writer.Write("</a>");
                }
            }

            writer.Write(after + "</U></UserData></Event>\n" + Event(3, "<Data>c</Data>") + "</Events>\n");
        }

        long start = GC.GetAllocatedBytesForCurrentThread();
        EventLogReadResult result = Read(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - start;

        Assert.True(allocated < MemoryBound, $"{what}: {allocated} bytes allocated");
        Assert.Equal([1L, 2L, 3L], result.Records.Select(r => r.RecordId));
        Assert.Equal("c", Assert.Single(result.Records[2].Data).Value);
        if (warning is null)
        {
            Assert.Empty(result.Diagnostics);
        }
        else
        {
            InputDiagnostic notice = Assert.Single(result.Diagnostics, d => d.Message.Contains(warning, StringComparison.Ordinal));
            Assert.Equal("x.xml", notice.Input);
            Assert.Equal(2, notice.Frame);
            Assert.Contains("line 3", notice.Message, StringComparison.Ordinal);
        }
    }
}

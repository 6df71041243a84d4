using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analyzer.Bench.EventLogs;

/// <summary>
/// The XML exports to measure: every samples/events/**/*.xml, and one large export built from their
/// events (record ids renumbered), in UTF-8 and in UTF-16LE with a BOM as Event Viewer writes it.
/// </summary>
internal static partial class XmlExportFiles
{
    public static string[] Samples()
    {
        string root = RepositoryRoot();
        string[] files = Directory.GetFiles(Path.Combine(root, "samples", "events"), "*.xml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>Writes (once per size) a UTF-8 and a UTF-16LE export of about <paramref name="megabytes"/> MB of UTF-8 into the temp directory.</summary>
    public static (string Utf8, string Utf16) Large(int megabytes)
    {
        string directory = Path.Combine(Path.GetTempPath(), "vpndiag-bench-xml");
        Directory.CreateDirectory(directory);
        string utf8 = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"events-{megabytes}mb.xml"));
        string utf16 = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"events-{megabytes}mb-utf16.xml"));
        if (File.Exists(utf8) && File.Exists(utf16))
        {
            return (utf8, utf16);
        }

        List<string> events = [];
        foreach (string file in Samples())
        {
            events.AddRange(File.ReadLines(file).Where(line => line.StartsWith("<Event ", StringComparison.Ordinal)));
        }

        using (var writer8 = new StreamWriter(utf8, append: false, new UTF8Encoding(false)))
        using (var writer16 = new StreamWriter(utf16, append: false, new UnicodeEncoding(bigEndian: false, byteOrderMark: true)))
        {
            writer8.Write("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n<Events>\n");
            writer16.Write("<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>\n<Events>\n");
            long written = 0;
            long recordId = 0;
            while (written < megabytes * 1_000_000L)
            {
                foreach (string line in events)
                {
                    recordId++;
                    string renumbered = RecordId().Replace(line, string.Create(CultureInfo.InvariantCulture, $"<EventRecordID>{recordId}</EventRecordID>"), 1);
                    writer8.Write(renumbered);
                    writer8.Write('\n');
                    writer16.Write(renumbered);
                    writer16.Write('\n');
                    written += renumbered.Length + 1;
                }
            }

            writer8.Write("</Events>\n");
            writer16.Write("</Events>\n");
        }

        return (utf8, utf16);
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? probe = new(AppContext.BaseDirectory);
        while (probe is not null && !File.Exists(Path.Combine(probe.FullName, "Analyzer.sln")))
        {
            probe = probe.Parent;
        }

        return probe?.FullName ?? throw new DirectoryNotFoundException("run from inside the repository (samples/events)");
    }

    [GeneratedRegex("<EventRecordID>[0-9]+</EventRecordID>")]
    private static partial Regex RecordId();
}

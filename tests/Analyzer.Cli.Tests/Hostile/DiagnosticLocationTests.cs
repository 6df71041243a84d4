using System.IO.Compression;
using Analyzer.Capture;
using Analyzer.Cli.Inputs;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// "Every error message names the input and the offset or record": damaged copies of a real sample
/// per format (fixed seed) go through the stage that reads that format, and every diagnostic and
/// every refusal must name the file and say where (byte offset, or frame/record/entry number).
/// Failures are collected per format so one run lists every message that does not.
/// </summary>
public sealed class DiagnosticLocationTests : IDisposable
{
    private const int Seed = 20261124;
    private const int MutantsPerFormat = 60;
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-locations-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Sample(string relative) => HostileSamples.Sample(relative);

    public static TheoryData<string> Formats() => ["pcap", "pcapng", "gzip", "evtx", "evt", "xml", "csv", "zip"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_diagnostic_on_damaged_input_names_the_file_and_where(string format)
    {
        (byte[] original, string name, Func<byte[], List<LengthField>> lengths) = Original(format);
        var mutator = new Mutator(Seed);
        var unplaced = new SortedSet<string>(StringComparer.Ordinal);   // distinct messages, not one per mutant
        int diagnostics = 0;
        for (int i = 0; i < MutantsPerFormat; i++)
        {
            string path = Path.Combine(_temp, name);
            File.WriteAllBytes(path, mutator.Mutate(original, lengths(original)));
            foreach (Located located in Read(format, path, name))
            {
                diagnostics++;
                if (!located.NamesFile || !located.SaysWhere)
                {
                    unplaced.Add(located.Line);
                }
            }
        }

        Assert.True(diagnostics > 0, $"no {format} mutant produced a diagnostic: the walk checked nothing");
        Assert.True(unplaced.Count == 0, $"{unplaced.Count} distinct {format} message(s) without file and offset/record:\n" + string.Join('\n', unplaced.Take(20)));
    }

    private (byte[] Original, string Name, Func<byte[], List<LengthField>> Lengths) Original(string format)
    {
        switch (format)
        {
            case "pcap":
                return (File.ReadAllBytes(Sample("captures/healthy-psk/client.pcap")), "client.pcap", LengthFieldLocator.Pcap);
            case "pcapng":
            {
                // Wireshark's own writer turns the lab capture into pcapng (SHB, IDB, EPBs).
                string editcap = ExternalTool.Require("editcap", "wireshark-common");
                string pcapng = Path.Combine(_temp, "original.pcapng");
                ExternalTool.Run(editcap, ["-F", "pcapng", Sample("captures/healthy-psk/client.pcap"), pcapng]);
                return (File.ReadAllBytes(pcapng), "client.pcapng", LengthFieldLocator.Pcapng);
            }

            case "gzip":
            {
                using var compressed = new MemoryStream();
                using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(File.ReadAllBytes(Sample("captures/healthy-psk/client.pcap")));
                }

                return (compressed.ToArray(), "client.pcap.gz", _ => []);
            }

            case "evtx":
                return (File.ReadAllBytes(HostileSamples.SmallestSharedEvtx()), "security.evtx", LengthFieldLocator.Evtx);
            case "evt":
                return (File.ReadAllBytes(Sample("events/legacy/server-security-2003.evt")), "server-security-2003.evt", LengthFieldLocator.Evt);
            case "xml":
                return (File.ReadAllBytes(Sample("events/healthy-psk/client-security.xml")), "client-security.xml", _ => []);
            case "csv":
                return (File.ReadAllBytes(Sample("events/udp500-blocked/client-application.csv")), "client-application.csv", _ => []);
            default:
            {
                string zip = Path.Combine(_temp, "original.zip");
                using (ZipArchive archive = ZipFile.Open(zip, ZipArchiveMode.Create))
                {
                    archive.CreateEntryFromFile(Sample("captures/healthy-psk/client.pcap"), "client.pcap");
                    archive.CreateEntryFromFile(Sample("events/healthy-psk/client-security.xml"), "logs/client-security.xml");
                }

                return (File.ReadAllBytes(zip), "ticket.zip", _ => []);
            }
        }
    }

    /// <summary>One message and whether it names the file and a place.</summary>
    private sealed record Located(string Line, bool NamesFile, bool SaysWhere)
    {
        public static Located From(InputDiagnostic d, string name) =>
            new(d.ToString(), Path.GetFileName(d.Input.Split('!')[0]) == name, d.Offset is not null || d.Frame is not null);

        /// <summary>A refusal (the file cannot be read at all) is one line: "name: offset 0x…: reason".</summary>
        public static Located From(Exception e, string name) =>
            new(e.GetType().Name + ": " + e.Message, e.Message.StartsWith(name + ": ", StringComparison.Ordinal) || e.Message.Contains("/" + name + ":", StringComparison.Ordinal),
                e.Message.Contains(": offset 0x", StringComparison.Ordinal));
    }

    private static List<Located> Read(string format, string path, string name)
    {
        var found = new List<Located>();
        try
        {
            switch (format)
            {
                case "pcap" or "pcapng" or "gzip":
                {
                    found.AddRange(DecodedCapture.Reconstruct(path, displayName: name).Diagnostics.Select(d => Located.From(d, name)));
                    break;
                }

                case "zip":
                {
                    (_, List<InputDiagnostic> diagnostics, string directory) = ZipBundleExtractor.Extract(path, AnalysisLimits.Default);
                    Directory.Delete(directory, recursive: true);
                    found.AddRange(diagnostics.Select(d => Located.From(d, name)));
                    break;
                }

                default:
                {
                    var input = new AnalysisInput(0, path, name, EventLogReader.SniffFile(path));
                    EventLogReadResult result = EventLogReader.Read(input, AnalysisLimits.Default, 2026, CancellationToken.None);
                    found.AddRange(result.Diagnostics.Select(d => Located.From(d, name)));
                    break;
                }
            }
        }
        catch (Exception e) when (e is CaptureFormatException or EventLogReadException or InputException)
        {
            found.Add(Located.From(e, name));
        }

        return found;
    }
}

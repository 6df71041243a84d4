using System.Buffers.Binary;
using System.IO.Compression;
using Analyzer.Capture;
using Analyzer.Pipeline.Inputs;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// Each limit in <see cref="AnalysisLimits"/>, lowered until a real sample reaches it, must leave a
/// warning naming the input; hostile sizes (4 GB lengths, zip bombs) must not cost memory.
/// </summary>
public sealed class LimitTests : IDisposable
{
    private const long MemoryBound = 32L << 20;
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-limits-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Sample(string relative) => HostileSamples.Sample(relative);

    public static TheoryData<string, string, string> CaptureLimits() => new()
    {
        { "captures/healthy-psk/client.pcap", nameof(AnalysisLimits.MaxIkeSas), "IKE SAs" },
        { "captures/healthy-psk/client.pcap", nameof(AnalysisLimits.MaxEspFlows), "ESP/AH flows" },
        { "captures/l2tp-without-ipsec/client.pcap", nameof(AnalysisLimits.MaxL2tpTunnels), "L2TP tunnels" },
        { "captures/healthy-psk/client.pcap", nameof(AnalysisLimits.MaxRecordBytes), "limit" },
        { "captures/ike-fragmentation/client.pcap", nameof(AnalysisLimits.MaxReassemblyBytes), "IKE fragments held for reassembly reached the 1000-byte limit" },
    };

    [Theory]
    [MemberData(nameof(CaptureLimits))]
    public void Capture_limit_reached_on_a_real_sample_leaves_a_warning_naming_the_capture(string sample, string limit, string expected)
    {
        AnalysisLimits limits = limit switch
        {
            nameof(AnalysisLimits.MaxIkeSas) => new AnalysisLimits { MaxIkeSas = 0 },
            nameof(AnalysisLimits.MaxEspFlows) => new AnalysisLimits { MaxEspFlows = 1 },
            nameof(AnalysisLimits.MaxL2tpTunnels) => new AnalysisLimits { MaxL2tpTunnels = 0 },
            nameof(AnalysisLimits.MaxReassemblyBytes) => new AnalysisLimits { MaxReassemblyBytes = 1000 },
            _ => new AnalysisLimits { MaxRecordBytes = 100 },
        };
        string capture = Sample(sample);
        List<InputDiagnostic> diagnostics = CaptureRun.Diagnostics(capture, limits);
        Assert.Contains(diagnostics, d => d.Message.Contains(expected, StringComparison.Ordinal) && d.Input == Path.GetFileName(capture)
            && (d.Offset is not null || d.Frame is not null));
    }

    /// <summary>Sample (under samples/, or ../shared/captures/ with "shared:"), limit, value, expected words, first frame past the limit (tshark).</summary>
    public static TheoryData<string, string, int, string, long> SessionLimits() => new()
    {
        // The first TCP 1723 segment (the SYN) starts the only connection.
        { "shared:john-samples/lulu-password-pptp.pcap", nameof(AnalysisLimits.MaxPptpConnections), 0, "more than 0 PPTP connections or PPP sessions", 7 },
        // PPP control packets: LCP in frames 15, 17, 18, 19, 20, then 25.
        { "shared:john-samples/lulu-password-pptp.pcap", nameof(AnalysisLimits.MaxPppPacketsPerSession), 5, "a PPP session has more than 5 control packets", 25 },
        // The client's certificate message in fragments of 1212 bytes (frames 7, 8, 9): the second passes 2000.
        { "captures/ike-fragmentation/client.pcap", nameof(AnalysisLimits.MaxIkeFragmentedMessageBytes), 2000, "IKE fragments of one message add up to more than 2000 bytes", 8 },
        // First fragments of ESP datagrams whose rest was dropped: frames 12, 13, 14 and 17; the third is past 2.
        { "captures/esp-fragments-dropped/server.pcap", nameof(AnalysisLimits.MaxIncompleteDatagramsListed), 2, "more than 2 incomplete IP datagrams; 2 later ones (the first in frame 14) are not listed", 14 },
    };

    [Theory]
    [MemberData(nameof(SessionLimits))]
    public void Session_limit_reached_on_a_real_capture_leaves_one_warning_naming_capture_and_frame(string sample, string limit, int value, string expected, long frame)
    {
        string capture = HostileSamples.SampleOrShared(sample);
        AnalysisLimits limits = limit switch
        {
            nameof(AnalysisLimits.MaxPptpConnections) => new AnalysisLimits { MaxPptpConnections = value },
            nameof(AnalysisLimits.MaxPppPacketsPerSession) => new AnalysisLimits { MaxPppPacketsPerSession = value },
            nameof(AnalysisLimits.MaxIncompleteDatagramsListed) => new AnalysisLimits { MaxIncompleteDatagramsListed = value },
            _ => new AnalysisLimits { MaxIkeFragmentedMessageBytes = value },
        };

        Assert.DoesNotContain(CaptureRun.Diagnostics(capture, AnalysisLimits.Default), d => d.Message.Contains(expected, StringComparison.Ordinal));
        InputDiagnostic warning = Assert.Single(CaptureRun.Diagnostics(capture, limits), d => d.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(Path.GetFileName(capture), warning.Input);
        Assert.Equal(frame, warning.Frame);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    public static TheoryData<string, string> EventLimits() => new()
    {
        { nameof(AnalysisLimits.MaxEventRecords), "event records" },
        { nameof(AnalysisLimits.MaxXmlDepth), "nested deeper than 2 levels" },
    };

    [Theory]
    [MemberData(nameof(EventLimits))]
    public void Event_limit_reached_on_a_real_export_leaves_a_warning_naming_the_file(string limit, string expected)
    {
        string xml = Sample("events/healthy-psk/client-security.xml");
        AnalysisLimits limits = limit == nameof(AnalysisLimits.MaxEventRecords)
            ? new AnalysisLimits { MaxEventRecords = 1 }
            : new AnalysisLimits { MaxXmlDepth = 2 };
        EventLogReadResult result = EventLogReader.Read(new AnalysisInput(0, xml, "client-security.xml", InputKind.EventXml), limits, 2026, CancellationToken.None);
        Assert.Contains(result.Diagnostics, d => d.Input == "client-security.xml" && d.Message.Contains(expected, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> RecordLimitSamples() => new()
    {
        { "events/legacy/server-security-2003.evt", "more than 1 event records" },
        { "events/udp500-blocked/client-application.csv", "more than 1 event records" },
        { "captures/udp500-blocked/charon-client.log", "more than 1 log lines" },
        { "evtx", "more than 1 event records" },
    };

    [Theory]
    [MemberData(nameof(RecordLimitSamples))]
    public void Event_record_limit_in_every_log_format_leaves_a_warning_naming_file_and_place(string sample, string expected)
    {
        string path = sample == "evtx" ? HostileSamples.SmallestSharedEvtx() : Sample(sample);
        string name = Path.GetFileName(path);
        var input = new AnalysisInput(0, path, name, EventLogReader.SniffFile(path));
        EventLogReadResult result = EventLogReader.Read(input, new AnalysisLimits { MaxEventRecords = 1 }, 2026, CancellationToken.None);

        Assert.Single(result.Records);
        InputDiagnostic warning = Assert.Single(result.Diagnostics, d => d.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(name, warning.Input);
        Assert.True(warning.Offset is not null || warning.Frame is not null, warning.ToString());
    }

    [Fact]
    public void EVTX_nesting_deeper_than_the_limit_leaves_a_warning_at_a_record()
    {
        string path = HostileSamples.SmallestSharedEvtx();
        EventLogReadResult result = EventLogReader.Read(new AnalysisInput(0, path, "deep.evtx", InputKind.Evtx), new AnalysisLimits { MaxXmlDepth = 2 }, 2026, CancellationToken.None);

        Assert.Contains(result.Diagnostics, d => d.Message.Contains("nest", StringComparison.OrdinalIgnoreCase));
        InputDiagnostic warning = result.Diagnostics.First(d => d.Message.Contains("nest", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("deep.evtx", warning.Input);
        Assert.NotNull(warning.Offset);
        Assert.NotNull(warning.Frame);
    }

    /// <summary>
    /// Synthetic: a pcap header and one record header claiming 0xFFFFFFF0 bytes. A daemon never writes
    /// this; a damaged or crafted file does. Snaplen 0xFFFFFFFF makes the length "plausible", so only
    /// the record limit stands between it and an allocation.
    /// </summary>
    private static byte[] PcapWithHugeRecord(int trailingBytes)
    {
        byte[] file = new byte[24 + 16 + trailingBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(file, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24 + 8), 0xFFFFFFF0);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24 + 12), 0xFFFFFFF0);
        return file;
    }

    /// <summary>Reads every frame; the huge record must cost no memory and be reported at its offset (24).</summary>
    private static void AssertHugeRecordIsReportedCheaply(Func<Action<InputDiagnostic>, CaptureReader> open, string name)
    {
        var diagnostics = new List<InputDiagnostic>();
        long before = GC.GetAllocatedBytesForCurrentThread();
        using (CaptureReader reader = open(diagnostics.Add))
        {
            while (reader.TryReadFrame(out _))
            {
            }
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < MemoryBound);
        InputDiagnostic warning = Assert.Single(diagnostics, d => d.Message.Contains("4294967280", StringComparison.Ordinal));
        Assert.Equal(name, warning.Input);
        Assert.Equal(24L, warning.Offset);
    }

    [Fact]
    public void Pcap_record_length_of_nearly_2_pow_32_costs_no_memory_and_is_reported_at_its_offset()
    {
        byte[] file = PcapWithHugeRecord(64);
        AssertHugeRecordIsReportedCheaply(report => CaptureReader.Open(new MemoryStream(file), "huge.pcap", AnalysisLimits.Default, report), "huge.pcap");
    }

    [Fact]
    public void Gzip_bomb_capture_with_a_4_GB_record_length_costs_no_memory_and_is_reported_at_its_offset()
    {
        // The huge record followed by 64 MB of zeros, gzip-compressed to a few dozen KB: the record
        // limit and the streaming inflater keep memory flat.
        string bomb = Path.Combine(_temp, "bomb.pcap.gz");
        using (var gzip = new GZipStream(File.Create(bomb), CompressionLevel.SmallestSize))
        {
            gzip.Write(PcapWithHugeRecord(0));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        Assert.True(new FileInfo(bomb).Length < 1 << 20);
        AssertHugeRecordIsReportedCheaply(report => CaptureReader.Open(bomb, "bomb.pcap.gz", AnalysisLimits.Default, report), "bomb.pcap.gz");
    }

    /// <summary>A real log with the 32-bit length field at <paramref name="field"/> set to 0xFFFFFFF0 (synthetic damage), read within the memory bound.</summary>
    private EventLogReadResult ReadWithHugeLength(byte[] file, int field, string name, InputKind kind)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(field), 0xFFFFFFF0);
        string path = Path.Combine(_temp, name);
        File.WriteAllBytes(path, file);
        long before = GC.GetAllocatedBytesForCurrentThread();
        EventLogReadResult result = EventLogReader.Read(new AnalysisInput(0, path, name, kind), AnalysisLimits.Default, 2026, CancellationToken.None);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < MemoryBound);
        return result;
    }

    [Fact]
    public void EVT_record_length_of_nearly_2_pow_32_costs_no_memory_and_is_reported_at_its_offset()
    {
        // The first (oldest) record's length, found through the header's start offset.
        byte[] file = File.ReadAllBytes(Sample("events/legacy/server-security-2003.evt"));
        int first = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(16));

        EventLogReadResult result = ReadWithHugeLength(file, first, "huge.evt", InputKind.Evt);

        InputDiagnostic warning = Assert.Single(result.Diagnostics);
        Assert.Equal("huge.evt", warning.Input);
        Assert.Equal(first, warning.Offset);
        Assert.Equal(7, result.Records.Count);   // the damaged record is skipped, its neighbours are read
    }

    [Fact]
    public void EVTX_record_size_of_nearly_2_pow_32_costs_no_memory_and_is_reported_at_its_offset()
    {
        // The first record's size field: chunk 0 at 0x1000, its first record at +0x200, the size at +4.
        const int SizeField = 0x1000 + 0x200 + 4;
        byte[] file = File.ReadAllBytes(HostileSamples.SmallestSharedEvtx());

        EventLogReadResult result = ReadWithHugeLength(file, SizeField, "huge.evtx", InputKind.Evtx);

        Assert.Contains(result.Diagnostics, d => d.Input == "huge.evtx" && d.Offset == SizeField && d.Message.Contains("-16", StringComparison.Ordinal));
    }

    [Fact]
    public void XML_export_with_a_64_MB_text_value_is_cut_at_the_string_limit_without_holding_it()
    {
        // Synthetic: one real-shaped event whose <Data> holds 64 MB of text (a crafted or corrupt export).
        string path = Path.Combine(_temp, "huge.xml");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='RasClient'/>"
                + "<EventID>20227</EventID><EventRecordID>1</EventRecordID></System><EventData><Data>");
            string chunk = new('x', 1 << 20);
            for (int i = 0; i < 64; i++)
            {
                writer.Write(chunk);
            }

            writer.Write("</Data></EventData></Event></Events>");
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        EventLogReadResult result = EventLogReader.Read(new AnalysisInput(0, path, "huge.xml", InputKind.EventXml), AnalysisLimits.Default, 2026, CancellationToken.None);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MemoryBound, $"{allocated} bytes allocated");
        Assert.Equal(AnalysisLimits.Default.MaxStringLength, Assert.Single(Assert.Single(result.Records).Data).Value.Length);
        Assert.Contains(result.Diagnostics, d => d.Input == "huge.xml" && d.Frame == 1 && d.Message.Contains("line 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Zip_bomb_stops_at_the_expanded_size_limit_counting_real_bytes()
    {
        // Synthetic: 64 MB of zeros compresses to a few dozen KB; the limit is lowered to 1 MB.
        string zip = Path.Combine(_temp, "bomb.zip");
        using (ZipArchive archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        using (Stream entry = archive.CreateEntry("client.pcap", CompressionLevel.SmallestSize).Open())
        {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(new FileInfo(zip).Length < 1 << 20);
        long before = GC.GetAllocatedBytesForCurrentThread();
        (List<(string File, string DisplayName)> files, List<InputDiagnostic> diagnostics, string directory) =
            ZipBundleExtractor.Extract(zip, new AnalysisLimits { MaxZipExpandedBytes = 1 << 20 });
        try
        {
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < MemoryBound);
            Assert.Empty(files);
            Assert.Contains(diagnostics, d => d.Input.Contains("bomb.zip!client.pcap", StringComparison.Ordinal) && d.Message.Contains("limit", StringComparison.Ordinal));
            Assert.True(Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length) <= 1 << 20);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Zip_with_more_entries_than_the_limit_reads_only_up_to_the_limit_and_says_so()
    {
        string zip = Path.Combine(_temp, "many.zip");
        using (ZipArchive archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            for (int i = 0; i < 5; i++)
            {
                using StreamWriter writer = new(archive.CreateEntry($"log{i}.txt").Open());
                writer.Write("x");
            }
        }

        (List<(string File, string DisplayName)> files, List<InputDiagnostic> diagnostics, string directory) =
            ZipBundleExtractor.Extract(zip, new AnalysisLimits { MaxZipEntries = 3 });
        Directory.Delete(directory, recursive: true);
        Assert.Equal(3, files.Count);
        Assert.Contains(diagnostics, d => d.Input == zip && d.Message.Contains("more than 3 entries", StringComparison.Ordinal));
    }
}

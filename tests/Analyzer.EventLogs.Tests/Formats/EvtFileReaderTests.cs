using System.Buffers.Binary;
using System.Text;
using Analyzer.Core;
using Analyzer.EventLogs.Evt;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// Legacy EVT. No public EVT with IKE audit events exists, so these files are SYNTHETIC bytes laid
/// out per the EVENTLOGRECORD structure: a 547 record and a 541 record, once in order and once
/// wrapped around the end of the circular file.
/// </summary>
public sealed class EvtFileReaderTests
{
    private static byte[] Record(uint number, uint eventId, uint time, params string[] strings)
    {
        var body = new List<byte>();
        void Utf16z(string s) => body.AddRange(Encoding.Unicode.GetBytes(s + "\0"));
        Utf16z("Security");
        Utf16z("W2K3SRV");
        int stringOffset = 0x38 + body.Count;
        foreach (string s in strings)
        {
            Utf16z(s);
        }

        while ((0x38 + body.Count + 4) % 4 != 0)
        {
            body.Add(0);
        }

        int length = 0x38 + body.Count + 4;
        byte[] record = new byte[length];
        Span<byte> r = record;
        BinaryPrimitives.WriteInt32LittleEndian(r, length);
        "LfLe"u8.CopyTo(r[4..]);
        BinaryPrimitives.WriteUInt32LittleEndian(r[8..], number);
        BinaryPrimitives.WriteUInt32LittleEndian(r[12..], time);
        BinaryPrimitives.WriteUInt32LittleEndian(r[16..], time + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(r[20..], eventId);
        BinaryPrimitives.WriteUInt16LittleEndian(r[24..], 16); // audit failure
        BinaryPrimitives.WriteUInt16LittleEndian(r[26..], (ushort)strings.Length);
        BinaryPrimitives.WriteInt32LittleEndian(r[36..], stringOffset);
        body.ToArray().CopyTo(r[0x38..]);
        BinaryPrimitives.WriteInt32LittleEndian(r[(length - 4)..], length);
        return record;
    }

    private static byte[] Eof(int begin, int end, uint current, uint oldest)
    {
        byte[] eof = new byte[0x28];
        Span<byte> e = eof;
        BinaryPrimitives.WriteInt32LittleEndian(e, 0x28);
        BinaryPrimitives.WriteUInt32LittleEndian(e[4..], 0x11111111);
        BinaryPrimitives.WriteUInt32LittleEndian(e[8..], 0x22222222);
        BinaryPrimitives.WriteUInt32LittleEndian(e[12..], 0x33333333);
        BinaryPrimitives.WriteUInt32LittleEndian(e[16..], 0x44444444);
        BinaryPrimitives.WriteInt32LittleEndian(e[20..], begin);
        BinaryPrimitives.WriteInt32LittleEndian(e[24..], end);
        BinaryPrimitives.WriteUInt32LittleEndian(e[28..], current);
        BinaryPrimitives.WriteUInt32LittleEndian(e[32..], oldest);
        BinaryPrimitives.WriteInt32LittleEndian(e[36..], 0x28);
        return eof;
    }

    private static void Header(Span<byte> file, int start, int end, int maxSize)
    {
        BinaryPrimitives.WriteInt32LittleEndian(file, 0x30);
        "LfLe"u8.CopyTo(file[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(file[8..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(file[12..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(file[16..], start);
        BinaryPrimitives.WriteInt32LittleEndian(file[20..], end);
        BinaryPrimitives.WriteInt32LittleEndian(file[32..], maxSize);
        BinaryPrimitives.WriteInt32LittleEndian(file[44..], 0x30);
    }

    private static readonly string[] Failure547 =
        ["Key Exchange Mode (Main Mode)", "IKE Local Addr 203.0.113.10 IKE Peer Addr 198.51.100.20 IKE Source Port 500 IKE Destination Port 500", "Preshared key ID.", "Me", "No policy configured", "-"];

    /// <summary>A log that has not wrapped: header, a 547 record (number 7), <paramref name="second"/>, the EOF record.</summary>
    private static byte[] InOrder(byte[] second)
    {
        byte[] first = Record(7, 547, 1795517555, Failure547);
        int end = 0x30 + first.Length + second.Length;
        byte[] file = new byte[end + 0x28];
        Header(file, 0x30, end, file.Length);
        first.CopyTo(file, 0x30);
        second.CopyTo(file, 0x30 + first.Length);
        Eof(0x30, end, 9, 7).CopyTo(file, end);
        return file;
    }

    private static EventLogReadResult Read(byte[] file)
    {
        var result = new EventLogReadResult();
        EvtFileReader.Read(file, new AnalysisInput(0, "synthetic.evt", "synthetic.evt", InputKind.Evt), AnalysisLimits.Default, result, TestContext.Current.CancellationToken);
        Analyzer.EventLogs.Normalization.EventNormalizer.NormalizeAll(result.Records);
        return result;
    }

    [Fact]
    public void Records_and_strings_are_read_in_order()
    {
        byte[] file = InOrder(Record(8, 541, 1795517560, "Key Exchange Mode (Main Mode)", "Preshared key ID.", "IKE Local Addr 203.0.113.10 IKE Peer Addr 198.51.100.20"));

        EventLogReadResult result = Read(file);

        Assert.Equal([7L, 8L], result.Records.Select(r => r.RecordId));
        EventRecord failure = result.Records[0];
        Assert.Equal(547, failure.EventId);
        Assert.Equal("Security", failure.Provider);
        Assert.Equal("W2K3SRV", failure.Computer);
        Assert.Equal("No policy configured", failure.GetData("4"));
        Assert.Equal("2026-11-24T10:52:35Z", failure.Time!.Value.ToIso8601());
        Assert.Equal("ike-legacy-negotiation-failed", failure.Normalized!.Kind);
        Assert.Equal(13825, failure.Normalized.Code);
        Assert.Equal("198.51.100.20", failure.Normalized.RemoteAddress.ToString());
    }

    [Fact]
    public void Circular_log_that_wrapped_is_read_oldest_first_across_the_file_end()
    {
        byte[] first = Record(20, 547, 1795517555, Failure547);
        byte[] second = Record(21, 541, 1795517560, "Key Exchange Mode (Main Mode)");
        int split = 40; // the second record is cut by the physical end of the file
        int fileSize = 0x30 + second.Length + 0x28 + 64 + first.Length + split;
        byte[] file = new byte[fileSize];
        int start = fileSize - first.Length - split;
        first.CopyTo(file, start);
        second.AsSpan(0, split).CopyTo(file.AsSpan(start + first.Length));
        second.AsSpan(split).CopyTo(file.AsSpan(0x30));
        int end = 0x30 + second.Length - split;
        Eof(start, end, 22, 20).CopyTo(file, end);
        Header(file, start, end, fileSize);

        EventLogReadResult result = Read(file);

        Assert.Equal([20L, 21L], result.Records.Select(r => r.RecordId));
        Assert.Equal(541, result.Records[1].EventId);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Damaged_record_is_skipped_to_the_next_signature()
    {
        byte[] file = InOrder(Record(8, 541, 1795517560, "Key Exchange Mode (Main Mode)"));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(0x30), 0x7FFF0000);

        EventLogReadResult result = Read(file);

        Assert.Equal(8, Assert.Single(result.Records).RecordId);
        Assert.Contains(result.Diagnostics, d => d.Offset == 0x30);
    }
}

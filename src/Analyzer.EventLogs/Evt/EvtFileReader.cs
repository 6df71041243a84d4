using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Analyzer.Core;

namespace Analyzer.EventLogs.Evt;

/// <summary>
/// Reads legacy EVT logs (Windows NT to 2003, where the classic IKE audit events 541–547 live).
/// Header (0x30 bytes): size, "LfLe", version, start (oldest record) offset, end (EOF record)
/// offset, current and oldest record numbers, maximum size, flags. The log is circular: records
/// run from the start offset to the end of the file and continue at 0x30, so the file is
/// unrolled into one linear span before the records are walked.
/// </summary>
internal static class EvtFileReader
{
    internal const int HeaderSize = 0x30;
    private const int RecordFixedPart = 0x38;
    private const uint EofMarker1 = 0x11111111;

    public static void Read(AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        // A legacy log is one memory-mapped ring of at most a few hundred MB on the machine that wrote
        // it; more than 2 GB cannot be one (and would not fit one array).
        long size = new FileInfo(input.Path).Length;
        if (size > Array.MaxLength)
        {
            throw new EventLogReadException(input.DisplayName, 0,
                string.Create(CultureInfo.InvariantCulture, $"EVT file of {size} bytes is larger than any legacy event log; not read"));
        }

        ReadOwned(File.ReadAllBytes(input.Path), input, limits, result, ct);
    }

    public static void Read(ReadOnlySpan<byte> file, AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct) =>
        ReadOwned(file.ToArray(), input, limits, result, ct);

    /// <summary>Reads a file image this reader may rearrange: the ring is unrolled in place, so memory stays one file's size.</summary>
    private static void ReadOwned(byte[] image, AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        ReadOnlySpan<byte> file = image;
        if (file.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(file) != HeaderSize || !file.Slice(4, 4).SequenceEqual("LfLe"u8))
        {
            throw new EventLogReadException(input.DisplayName, 0, "not an EVT file (no \"LfLe\" header)");
        }

        int start = BinaryPrimitives.ReadInt32LittleEndian(file[16..]);
        int end = BinaryPrimitives.ReadInt32LittleEndian(file[20..]);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(file[36..]);
        if ((flags & 1) != 0)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, 36, null,
                "EVT log was not closed cleanly (dirty flag): header offsets may lag; reading from them anyway", DiagnosticSeverity.Info));
        }

        if (start < HeaderSize || start >= file.Length)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, 16, null, "EVT start offset outside the file; reading from 0x30"));
            start = HeaderSize;
        }

        if (end < HeaderSize || end > file.Length)
        {
            end = file.Length;
        }

        // Unroll the ring: [start, file end) then [0x30, end) when the log has wrapped. Rotating
        // everything after the header left by (start - 0x30), in place, puts exactly that first.
        ArraySegment<byte> linear;
        int[] map; // linear index → file offset of the first byte of each piece
        if (end > start)
        {
            linear = new ArraySegment<byte>(image, start, end - start);
            map = [start, 0];
        }
        else
        {
            int first = file.Length - start;
            Span<byte> ring = image.AsSpan(HeaderSize);
            int shift = start - HeaderSize;
            ring.Reverse();
            ring[..(ring.Length - shift)].Reverse();
            ring[(ring.Length - shift)..].Reverse();
            linear = new ArraySegment<byte>(image, HeaderSize, first + (end - HeaderSize));
            map = [start, first];
        }

        long FileOffset(int linearIndex) =>
            map[1] > 0 && linearIndex >= map[1] ? HeaderSize + (linearIndex - map[1]) : map[0] + linearIndex;

        var strings = new StringLimit(input, limits);
        int position = 0;
        while (position <= linear.Count - RecordFixedPart)
        {
            ct.ThrowIfCancellationRequested();
            ReadOnlySpan<byte> rest = linear.AsSpan(position);
            int length = BinaryPrimitives.ReadInt32LittleEndian(rest);
            if (BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]) == EofMarker1)
            {
                return; // the EOF record
            }

            if (!rest.Slice(4, 4).SequenceEqual("LfLe"u8) || length < RecordFixedPart || length > rest.Length
                || BinaryPrimitives.ReadInt32LittleEndian(rest[(length - 4)..]) != length)
            {
                // Padding at the physical end of the file can sit where the ring wrapped: look for the next signature.
                int next = rest[8..].IndexOf("LfLe"u8);
                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, FileOffset(position), null,
                    next < 0 ? "EVT record is damaged; rest of the log skipped" : "EVT record is damaged; skipped to the next record signature"));
                if (next < 0)
                {
                    return;
                }

                position += 8 + next - 4; // the length field sits 4 bytes before the signature
                continue;
            }

            if (result.Records.Count >= limits.MaxEventRecords)
            {
                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, FileOffset(position), null,
                    string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxEventRecords} event records; the rest were not read")));
                return;
            }

            bool cut = false;
            EventRecord record = ReadRecord(rest[..length], input, limits, FileOffset(position), ref cut);
            result.Records.Add(record);
            if (cut)
            {
                strings.Reached(record.FileOffset, record.RecordId, result.Diagnostics);
            }

            position += length;
        }
    }

    /// <summary>
    /// EVENTLOGRECORD: length, "LfLe", record number, time generated, time written (Unix seconds),
    /// event id (low 16 bits the id, high bits severity/facility), type, string count, category,
    /// flags, closing record number, string offset, SID length and offset, data length and offset;
    /// then source name and computer name (NUL-terminated UTF-16), SID, strings, data.
    /// </summary>
    /// <param name="cut">Set when a string or the data was longer than the string limit and was cut.</param>
    internal static EventRecord ReadRecord(ReadOnlySpan<byte> record, AnalysisInput input, AnalysisLimits limits, long fileOffset, ref bool cut)
    {
        uint number = BinaryPrimitives.ReadUInt32LittleEndian(record[8..]);
        uint generated = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        uint written = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        uint eventId = BinaryPrimitives.ReadUInt32LittleEndian(record[20..]);
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(record[24..]);
        int stringCount = BinaryPrimitives.ReadUInt16LittleEndian(record[26..]);
        int stringOffset = BinaryPrimitives.ReadInt32LittleEndian(record[36..]);
        int dataLength = BinaryPrimitives.ReadInt32LittleEndian(record[48..]);
        int dataOffset = BinaryPrimitives.ReadInt32LittleEndian(record[52..]);

        int cursor = RecordFixedPart;
        string source = ReadUtf16z(record, ref cursor, limits.MaxStringLength, ref cut);
        string computer = ReadUtf16z(record, ref cursor, limits.MaxStringLength, ref cut);

        var data = new List<KeyValuePair<string, string>>();
        if (stringOffset >= RecordFixedPart && stringOffset < record.Length - 4)
        {
            int stringCursor = stringOffset;
            for (int i = 0; i < stringCount && stringCursor < record.Length - 4; i++)
            {
                data.Add(new(i.ToString(CultureInfo.InvariantCulture), ReadUtf16z(record[..^4], ref stringCursor, limits.MaxStringLength, ref cut)));
            }
        }

        if (dataLength > 0 && dataOffset >= RecordFixedPart && dataOffset <= record.Length - 4 - dataLength)
        {
            // Two hex digits per byte: the limit counts the rendered characters.
            cut |= dataLength > limits.MaxStringLength / 2;
            data.Add(new("Binary", Convert.ToHexString(record.Slice(dataOffset, Math.Min(dataLength, limits.MaxStringLength / 2)))));
        }

        return new EventRecord
        {
            InputIndex = input.Index,
            RecordId = number,
            EventId = (int)(eventId & 0xFFFF),
            Provider = source,
            Computer = computer,
            Level = type switch
            {
                1 => "Error",
                2 => "Warning",
                4 => "Information",
                8 => "Audit Success",
                16 => "Audit Failure",
                _ => type.ToString(CultureInfo.InvariantCulture),
            },
            Time = Timestamp.FromUnix(generated, 0, 0),
            Written = Timestamp.FromUnix(written, 0, 0),
            Data = data,
            DataIsPositional = true,
            FileOffset = fileOffset,
        };
    }

    private static string ReadUtf16z(ReadOnlySpan<byte> bytes, ref int cursor, int maxLength, ref bool cut)
    {
        int startAt = cursor;
        while (cursor + 1 < bytes.Length && (bytes[cursor] != 0 || bytes[cursor + 1] != 0))
        {
            cursor += 2;
        }

        int byteCount = Math.Min(cursor - startAt, maxLength * 2);
        cut |= byteCount < cursor - startAt;
        string text = Encoding.Unicode.GetString(bytes.Slice(startAt, byteCount));
        cursor = Math.Min(cursor + 2, bytes.Length);
        return text;
    }
}

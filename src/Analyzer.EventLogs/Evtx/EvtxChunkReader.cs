using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using Analyzer.Core;
using Analyzer.EventLogs.Xml;

namespace Analyzer.EventLogs.Evtx;

/// <summary>
/// Reads the records of one 64 KiB EVTX chunk. Chunk layout: "ElfChnk\0", record number and id
/// ranges, header size, last record offset, free space offset, records CRC32 (bytes 512 to free
/// space), flags, header CRC32 (bytes 0–120 and 128–512); records from offset 512. A CRC mismatch is
/// reported and reading goes on; a bad record ends the chunk (later records cannot be found
/// without its size) with a diagnostic naming its offset.
/// </summary>
internal static class EvtxChunkReader
{
    private const int RecordsStart = 512;
    private const int RecordHeader = 24; // signature (4), size (4), record id (8), written FILETIME (8)
    private const uint RecordSignature = 0x00002A2A;

    public static ReadOnlySpan<byte> Signature => "ElfChnk\0"u8;

    public static bool HasSignature(ReadOnlySpan<byte> chunk) => chunk.StartsWith(Signature);

    public static void Read(
        ReadOnlySpan<byte> chunk, long fileOffset, AnalysisInput input, AnalysisLimits limits,
        List<EventRecord> records, List<InputDiagnostic> diagnostics)
    {
        if (chunk.Length < RecordsStart || !HasSignature(chunk))
        {
            diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset, null, chunk.Length < RecordsStart && HasSignature(chunk)
                ? string.Create(CultureInfo.InvariantCulture, $"EVTX file cut short inside the header of its last chunk ({chunk.Length} of {RecordsStart} bytes); chunk skipped")
                : "EVTX chunk has no \"ElfChnk\" signature; chunk skipped"));
            return;
        }

        int freeSpace = BinaryPrimitives.ReadInt32LittleEndian(chunk[48..]);
        bool partial = chunk.Length < EvtxFileHeader.ChunkSize;
        if (partial)
        {
            // The file ends inside this chunk: its CRC covers bytes that are missing, and the records
            // that end before the cut are whole.
            diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset, null, string.Create(CultureInfo.InvariantCulture,
                $"EVTX file cut short inside its last chunk ({chunk.Length} of {EvtxFileHeader.ChunkSize} bytes): the records before the cut are read, the rest are lost"),
                DiagnosticSeverity.Warning));
            freeSpace = freeSpace < RecordsStart ? chunk.Length : Math.Min(freeSpace, chunk.Length);
        }
        else if (freeSpace < RecordsStart || freeSpace > chunk.Length)
        {
            diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset + 48, null,
                string.Create(CultureInfo.InvariantCulture, $"EVTX chunk free space offset {freeSpace} is outside the chunk; reading records up to the chunk end")));
            freeSpace = chunk.Length;
        }
        else
        {
            CheckCrc(chunk, freeSpace, fileOffset, input, diagnostics);
        }

        var builder = new EventXmlBuilder(limits.MaxXmlDepth, limits.MaxStringLength);
        var names = new Dictionary<int, string>();
        var strings = new StringLimit(input, limits);
        int position = RecordsStart;
        while (position <= freeSpace - RecordHeader - 4)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(chunk[position..]);
            if (signature != RecordSignature)
            {
                diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset + position, null,
                    "EVTX record signature missing; rest of the chunk skipped"));
                return;
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(chunk[(position + 4)..]);
            if (partial && size >= RecordHeader + 4 && size > chunk.Length - position)
            {
                return; // the record the file's cut runs through: told once, above
            }

            if (size < RecordHeader + 4 || size > freeSpace - position
                || BinaryPrimitives.ReadInt32LittleEndian(chunk[(position + size - 4)..]) != size)
            {
                diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset + position + 4, null,
                    string.Create(CultureInfo.InvariantCulture, $"EVTX record size {size} does not fit the chunk; rest of the chunk skipped")));
                return;
            }

            long recordId = BinaryPrimitives.ReadInt64LittleEndian(chunk[(position + 8)..]);
            long written = BinaryPrimitives.ReadInt64LittleEndian(chunk[(position + 16)..]);
            builder.Reset();
            var reader = new BinXmlReader(chunk, builder, names, limits.MaxXmlDepth);
            if (!reader.TryReadEvent(position + RecordHeader, position + size - 4, out ParseError error))
            {
                diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset + error.Offset, recordId,
                    "EVTX record kept with what could be read: " + error.Detail));
            }

            Timestamp? writtenTime = BinXmlValueFormatter.TryFileTimeToTimestamp(written, out Timestamp time) ? time : null;

            // The event's own EventRecordID is what Windows and evtxexport show; the header id is the fallback.
            records.Add(builder.Build(input.Index, builder.EventRecordId ?? recordId, writtenTime, fileOffset + position));
            if (builder.StringCut)
            {
                strings.Reached(fileOffset + position, builder.EventRecordId ?? recordId, diagnostics);
            }

            position += size;
        }
    }

    private static void CheckCrc(ReadOnlySpan<byte> chunk, int freeSpace, long fileOffset, AnalysisInput input, List<InputDiagnostic> diagnostics)
    {
        uint storedHeader = BinaryPrimitives.ReadUInt32LittleEndian(chunk[124..]);
        var crc = new Crc32();
        crc.Append(chunk[..120]);
        crc.Append(chunk[128..RecordsStart]);
        if (crc.GetCurrentHashAsUInt32() != storedHeader)
        {
            diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset + 124, null,
                "EVTX chunk header CRC32 does not match; records read anyway", DiagnosticSeverity.Info));
        }

        uint storedRecords = BinaryPrimitives.ReadUInt32LittleEndian(chunk[52..]);
        if (Crc32.HashToUInt32(chunk[RecordsStart..freeSpace]) != storedRecords)
        {
            diagnostics.Add(new InputDiagnostic(input.DisplayName, fileOffset + 52, null,
                "EVTX chunk records CRC32 does not match; records read anyway", DiagnosticSeverity.Info));
        }
    }
}

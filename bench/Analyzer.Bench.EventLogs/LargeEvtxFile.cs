using System.Buffers.Binary;
using System.IO.Hashing;

namespace Analyzer.Bench.EventLogs;

/// <summary>
/// Builds a large EVTX file from the public samples for the large-file figure of
/// docs/performance.md: their used chunks are copied round-robin until the size is reached, each
/// chunk's records renumbered so record numbers run on across the whole file, and the chunk and
/// file header CRC32s recomputed. A chunk is self-contained (names and templates are
/// chunk-relative), so a copied chunk decodes exactly as in its own file; evtxexport and vpndiag
/// read the result like a log Windows wrote. Written under /tmp by the caller, never committed.
/// </summary>
internal static class LargeEvtxFile
{
    private const int FileHeaderSize = 4096;
    private const int ChunkSize = 65536;
    private const int RecordsStart = 512;

    /// <summary>The file header counts chunks in 16 bits.</summary>
    private const int MaxChunks = ushort.MaxValue;

    public static (int Chunks, long Records) Write(string output, long bytes, string[] samples)
    {
        List<byte[]> chunks = UsedChunks(samples);
        if (chunks.Count == 0)
        {
            throw new InvalidOperationException("no usable EVTX chunk in the samples");
        }

        int wanted = (int)Math.Min(MaxChunks, Math.Max(1, (bytes - FileHeaderSize + ChunkSize - 1) / ChunkSize));
        using FileStream file = File.Create(output);
        file.Write(new byte[FileHeaderSize]);
        ulong recordNumber = 1;
        byte[] chunk = new byte[ChunkSize];
        for (int i = 0; i < wanted; i++)
        {
            chunks[i % chunks.Count].CopyTo(chunk, 0);
            recordNumber = Renumber(chunk, recordNumber);
            file.Write(chunk);
        }

        byte[] header = FileHeader(wanted, recordNumber);
        file.Position = 0;
        file.Write(header);
        return (wanted, (long)recordNumber - 1);
    }

    /// <summary>Chunks with a signature, a sane free-space offset and at least one record.</summary>
    private static List<byte[]> UsedChunks(string[] samples)
    {
        var chunks = new List<byte[]>();
        foreach (string sample in samples)
        {
            byte[] content = File.ReadAllBytes(sample);
            for (int offset = FileHeaderSize; offset + ChunkSize <= content.Length; offset += ChunkSize)
            {
                ReadOnlySpan<byte> chunk = content.AsSpan(offset, ChunkSize);
                if (!chunk.StartsWith("ElfChnk\0"u8))
                {
                    continue;
                }

                int freeSpace = BinaryPrimitives.ReadInt32LittleEndian(chunk[48..]);
                ulong first = BinaryPrimitives.ReadUInt64LittleEndian(chunk[8..]);
                ulong last = BinaryPrimitives.ReadUInt64LittleEndian(chunk[16..]);
                if (freeSpace > RecordsStart && freeSpace <= ChunkSize && last >= first && CountRecords(chunk, freeSpace) == (long)(last - first + 1))
                {
                    chunks.Add(chunk.ToArray());
                }
            }
        }

        return chunks;
    }

    private static long CountRecords(ReadOnlySpan<byte> chunk, int freeSpace)
    {
        long count = 0;
        int position = RecordsStart;
        while (position + 24 <= freeSpace && BinaryPrimitives.ReadUInt32LittleEndian(chunk[position..]) == 0x00002A2A)
        {
            int size = BinaryPrimitives.ReadInt32LittleEndian(chunk[(position + 4)..]);
            if (size < 28 || position + size > freeSpace)
            {
                return -1;
            }

            count++;
            position += size;
        }

        return count;
    }

    /// <summary>Numbers the chunk's records from <paramref name="next"/> and fixes its header and CRCs; returns the next free number.</summary>
    private static ulong Renumber(byte[] chunk, ulong next)
    {
        Span<byte> span = chunk;
        int freeSpace = BinaryPrimitives.ReadInt32LittleEndian(span[48..]);
        ulong first = next;
        int position = RecordsStart;
        while (position + 24 <= freeSpace && BinaryPrimitives.ReadUInt32LittleEndian(span[position..]) == 0x00002A2A)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[(position + 8)..], next++);
            position += BinaryPrimitives.ReadInt32LittleEndian(span[(position + 4)..]);
        }

        // First/last event record number (8, 16) and identifier (24, 32): the same numbers here.
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], first);
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], next - 1);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], first);
        BinaryPrimitives.WriteUInt64LittleEndian(span[32..], next - 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[52..], Crc32.HashToUInt32(span[RecordsStart..freeSpace]));
        var crc = new Crc32();
        crc.Append(span[..120]);
        crc.Append(span[128..RecordsStart]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[124..], crc.GetCurrentHashAsUInt32());
        return next;
    }

    private static byte[] FileHeader(int chunks, ulong nextRecord)
    {
        byte[] header = new byte[FileHeaderSize];
        Span<byte> span = header;
        "ElfFile\0"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], 0); // first chunk number
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], (ulong)chunks - 1); // last chunk number
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], nextRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], 128); // header size
        BinaryPrimitives.WriteUInt16LittleEndian(span[36..], 1); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(span[38..], 3); // major version
        BinaryPrimitives.WriteUInt16LittleEndian(span[40..], FileHeaderSize); // header block size
        BinaryPrimitives.WriteUInt16LittleEndian(span[42..], (ushort)chunks);
        BinaryPrimitives.WriteUInt32LittleEndian(span[120..], 0); // flags: clean, not full
        BinaryPrimitives.WriteUInt32LittleEndian(span[124..], Crc32.HashToUInt32(span[..120]));
        return header;
    }
}

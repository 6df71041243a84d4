using System.Buffers.Binary;
using System.IO.Hashing;
using Analyzer.Core;

namespace Analyzer.EventLogs.Evtx;

/// <summary>
/// The 4096-byte EVTX file header: signature "ElfFile\0", chunk counters, version, flags and a
/// CRC32 over its first 120 bytes.
/// </summary>
internal readonly record struct EvtxFileHeader(
    ulong FirstChunk, ulong LastChunk, ulong NextRecordId, ushort MajorVersion, ushort MinorVersion,
    ushort ChunkCount, uint Flags, bool ChecksumMatches)
{
    public const int Size = 4096;
    public const int ChunkSize = 65536;
    private const int ChecksumOffset = 124;
    private const int ChecksummedBytes = 120;

    public static ReadOnlySpan<byte> Signature => "ElfFile\0"u8;

    /// <summary>The log was not closed cleanly: header counters may lag behind the chunks.</summary>
    public bool IsDirty => (Flags & 1) != 0;

    public static bool TryRead(ReadOnlySpan<byte> bytes, out EvtxFileHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (bytes.Length < 128)
        {
            error = ParseError.Truncated(0, 128, bytes.Length);
            return false;
        }

        if (!bytes.StartsWith(Signature))
        {
            error = new ParseError(ParseErrorKind.BadMagic, 0, "not an EVTX file (no \"ElfFile\" signature)");
            return false;
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[ChecksumOffset..]);
        header = new EvtxFileHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[38..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[36..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[42..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[120..]),
            Crc32.HashToUInt32(bytes[..ChecksummedBytes]) == stored);
        return true;
    }
}

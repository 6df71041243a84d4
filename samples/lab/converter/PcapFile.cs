using System.Buffers.Binary;

namespace KernelStackConverter;

/// <summary>One record of a classic pcap file: header fields and the captured bytes.</summary>
internal sealed record PcapRecord(uint Seconds, uint Fraction, uint OriginalLength, byte[] Data);

/// <summary>
/// Classic libpcap files as tcpdump writes them (either byte order, micro- or nanosecond magic).
/// The output keeps the input's global header, so time resolution and link type are unchanged.
/// </summary>
internal sealed class PcapFile
{
    private const int GlobalHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const uint MaximumRecordLength = 262_144;

    private PcapFile(byte[] globalHeader, bool bigEndian, uint linkType, List<PcapRecord> records)
    {
        GlobalHeader = globalHeader;
        BigEndian = bigEndian;
        LinkType = linkType;
        Records = records;
    }

    public byte[] GlobalHeader { get; }

    public bool BigEndian { get; }

    public uint LinkType { get; }

    public List<PcapRecord> Records { get; }

    /// <summary>Reads a whole pcap file; null with a one-line reason when it is not one.</summary>
    public static PcapFile? Read(byte[] file, out string error)
    {
        error = "";
        if (file.Length < GlobalHeaderLength)
        {
            error = $"shorter than a pcap header ({file.Length} bytes)";
            return null;
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool bigEndian;
        if (magic is 0xa1b2c3d4 or 0xa1b23c4d)
        {
            bigEndian = false;
        }
        else if (magic is 0xd4c3b2a1 or 0x4d3cb2a1)
        {
            bigEndian = true;
        }
        else
        {
            error = $"not a classic pcap file (magic 0x{magic:x8} at offset 0)";
            return null;
        }

        uint linkType = Read32(file.AsSpan(20), bigEndian);
        var records = new List<PcapRecord>();
        int offset = GlobalHeaderLength;
        while (offset < file.Length)
        {
            if (file.Length - offset < RecordHeaderLength)
            {
                error = $"truncated record header at offset {offset}";
                return null;
            }

            ReadOnlySpan<byte> header = file.AsSpan(offset, RecordHeaderLength);
            uint captured = Read32(header[8..], bigEndian);
            if (captured > MaximumRecordLength || captured > file.Length - offset - RecordHeaderLength)
            {
                error = $"record length {captured} exceeds the file at offset {offset + 8}";
                return null;
            }

            byte[] data = file.AsSpan(offset + RecordHeaderLength, (int)captured).ToArray();
            records.Add(new PcapRecord(Read32(header, bigEndian), Read32(header[4..], bigEndian), Read32(header[12..], bigEndian), data));
            offset += RecordHeaderLength + (int)captured;
        }

        return new PcapFile(file.AsSpan(0, GlobalHeaderLength).ToArray(), bigEndian, linkType, records);
    }

    public void Write(Stream output, IEnumerable<PcapRecord> records)
    {
        output.Write(GlobalHeader);
        Span<byte> header = stackalloc byte[RecordHeaderLength];
        foreach (PcapRecord record in records)
        {
            Write32(header, record.Seconds);
            Write32(header[4..], record.Fraction);
            Write32(header[8..], (uint)record.Data.Length);
            Write32(header[12..], record.OriginalLength);
            output.Write(header);
            output.Write(record.Data);
        }
    }

    private static uint Read32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private void Write32(Span<byte> bytes, uint value)
    {
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }
    }
}

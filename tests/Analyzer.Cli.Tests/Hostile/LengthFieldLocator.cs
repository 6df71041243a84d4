using System.Buffers.Binary;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// Finds the length fields a mutant should corrupt, by walking the real structure of the original
/// bytes: pcap record lengths, pcapng block lengths, EVTX chunk and record sizes, ISAKMP message
/// and payload lengths (in the fuzz targets' framed datagrams).
/// </summary>
internal static class LengthFieldLocator
{
    public static List<LengthField> Pcap(byte[] file)
    {
        var fields = new List<LengthField>();
        if (file.Length < 24)
        {
            return fields;
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool big = magic is 0xD4C3B2A1 or 0x4D3CB2A1;
        for (int offset = 24; offset + 16 <= file.Length;)
        {
            fields.Add(new LengthField(offset + 8, 4, big));   // incl_len
            fields.Add(new LengthField(offset + 12, 4, big));  // orig_len
            uint included = big ? BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 8)) : BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8));
            if (included > (uint)(file.Length - offset - 16))
            {
                break;
            }

            offset += 16 + (int)included;
        }

        return fields;
    }

    public static List<LengthField> Pcapng(byte[] file)
    {
        var fields = new List<LengthField>();
        for (int offset = 0; offset + 12 <= file.Length;)
        {
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 4));
            fields.Add(new LengthField(offset + 4, 4, false));
            if (length < 12 || length > (uint)(file.Length - offset))
            {
                break;
            }

            fields.Add(new LengthField(offset + (int)length - 4, 4, false));  // trailing copy
            offset += (int)length;
        }

        return fields;
    }

    /// <summary>EVTX: chunk header sizes (free space offset, last record offsets) and each record's two size fields.</summary>
    public static List<LengthField> Evtx(byte[] file)
    {
        var fields = new List<LengthField>();
        const int FileHeaderLength = 0x1000;
        const int ChunkLength = 0x10000;
        for (int chunk = FileHeaderLength; chunk + 0x200 <= file.Length; chunk += ChunkLength)
        {
            fields.Add(new LengthField(chunk + 0x30, 4, false));  // free space offset
            fields.Add(new LengthField(chunk + 0x2C, 4, false));  // last record offset
            int end = Math.Min(chunk + ChunkLength, file.Length);
            for (int record = chunk + 0x200; record + 8 <= end;)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(record)) != 0x00002A2A)
                {
                    break;
                }

                uint size = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(record + 4));
                fields.Add(new LengthField(record + 4, 4, false));
                if (size < 28 || size > (uint)(end - record))
                {
                    break;
                }

                fields.Add(new LengthField(record + (int)size - 4, 4, false));  // size copy at the end
                record += (int)size;
            }
        }

        return fields;
    }

    /// <summary>
    /// EVT: the header's start and end offsets, and in every record (found by its "LfLe" signature)
    /// the length, string/SID/data offsets and sizes, and the trailing length copy.
    /// </summary>
    public static List<LengthField> Evt(byte[] file)
    {
        var fields = new List<LengthField>();
        if (file.Length < 0x30)
        {
            return fields;
        }

        fields.Add(new LengthField(16, 4, false));   // oldest record offset
        fields.Add(new LengthField(20, 4, false));   // EOF record offset
        for (int record = 0x30; record + 0x38 <= file.Length; record += 4)
        {
            if (!file.AsSpan(record + 4, 4).SequenceEqual("LfLe"u8))
            {
                continue;
            }

            foreach (int field in (int[])[0, 36, 40, 44, 48, 52])
            {
                fields.Add(new LengthField(record + field, 4, false));
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(record));
            if (size >= 0x38 && size <= file.Length - record)
            {
                fields.Add(new LengthField(record + size - 4, 4, false));
            }
        }

        return fields;
    }

    /// <summary>ISAKMP inside the datagram targets' framing: the message length and every generic payload length.</summary>
    public static List<LengthField> FramedIsakmp(byte[] framed)
    {
        var fields = new List<LengthField>();
        for (int offset = 0; offset + 2 <= framed.Length;)
        {
            int length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(framed.AsSpan(offset)), framed.Length - offset - 2);
            int message = offset + 2;
            fields.Add(new LengthField(offset, 2, true));
            if (length >= 28)
            {
                fields.Add(new LengthField(message + 24, 4, true));
                byte next = framed[message + 16];
                for (int payload = message + 28; next != 0 && payload + 4 <= message + length;)
                {
                    ushort payloadLength = BinaryPrimitives.ReadUInt16BigEndian(framed.AsSpan(payload + 2));
                    fields.Add(new LengthField(payload + 2, 2, true));
                    if (payloadLength < 4)
                    {
                        break;
                    }

                    next = framed[payload];
                    payload += payloadLength;
                }
            }

            offset = message + length;
        }

        return fields;
    }
}

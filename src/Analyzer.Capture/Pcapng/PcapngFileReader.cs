using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Analyzer.Capture.IO;
using Analyzer.Core;

namespace Analyzer.Capture.Pcapng;

/// <summary>
/// pcapng (draft-ietf-opsawg-pcapng): any number of sections, each with its own byte order and
/// interfaces; Enhanced, Simple and obsolete Packet Blocks become frames; other blocks are skipped.
/// A block whose length is impossible, or whose trailing length disagrees, is reported and reading
/// resumes at the next block that checks out.
/// </summary>
internal sealed class PcapngFileReader : CaptureReader
{
    private const int BlockOverhead = 12;
    private const int SectionHeaderMinimum = 28;
    private const uint ByteOrderMagic = 0x1A2B3C4D;

    /// <summary>Blocks larger than this are damage whatever the record limit says: nothing legitimate is 64 MiB.</summary>
    private const uint MaxPlausibleBlockLength = 64 << 20;

    /// <summary>Metadata blocks (names, statistics) may exceed the packet limit by this much.</summary>
    private const int MetadataAllowance = 64 * 1024;

    private const ushort InterfaceTimestampResolution = 9;
    private const ushort InterfaceTimestampOffset = 14;

    private readonly List<InterfaceDescription> _interfaces = [];
    private bool _bigEndian;
    private long _frameNumber;
    private bool _reportedUndefinedInterface;
    private bool _reportedLongComment;

    public PcapngFileReader(CaptureSource source)
        : base(source)
    {
        if (!Window.Ensure(SectionHeaderMinimum))
        {
            throw new CaptureFormatException(DisplayName, Window.Available,
                string.Create(CultureInfo.InvariantCulture, $"pcapng section header cut short: {Window.Available} of {SectionHeaderMinimum} bytes"));
        }
    }

    public override InputKind Kind => InputKind.Pcapng;

    /// <summary>Sections read so far.</summary>
    public int Sections { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryReadFrame(out CapturedFrame frame)
    {
        frame = default;
        while (true)
        {
            long offset = Window.Position;
            if (!Window.Ensure(BlockOverhead))
            {
                if (Window.Available > 0)
                {
                    Report(offset, null, string.Create(CultureInfo.InvariantCulture,
                        $"{Window.Available} bytes after the last block are too few for a block header"));
                    EndCutAt = offset;
                    Window.Skip(Window.Available);
                }

                return false;
            }

            ReadOnlySpan<byte> head = Window.Span;
            uint rawType = BinaryPrimitives.ReadUInt32LittleEndian(head);
            if (rawType == (uint)PcapngBlockType.SectionHeader)
            {
                // The byte-order magic follows the length; learn the order before reading the length.
                if (!Window.Ensure(BlockOverhead + 4))
                {
                    Report(offset, null, "section header cut short at end of file");
                    Window.Skip(Window.Available);
                    return false;
                }

                uint bom = BinaryPrimitives.ReadUInt32LittleEndian(Window.Span[8..]);
                if (bom != ByteOrderMagic && BinaryPrimitives.ReverseEndianness(bom) != ByteOrderMagic)
                {
                    if (Sections == 0)
                    {
                        throw new CaptureFormatException(DisplayName, offset + 8, "pcapng byte-order magic is neither 1A2B3C4D nor 4D3C2B1A");
                    }

                    Report(offset + 8, null, "section header with a bad byte-order magic; looking for the next block");
                    Resynchronise(offset);
                    continue;
                }

                _bigEndian = bom != ByteOrderMagic;
                head = Window.Span;
            }
            else if (Sections == 0)
            {
                throw new CaptureFormatException(DisplayName, offset, "pcapng file does not start with a section header block");
            }

            var type = (PcapngBlockType)Read32(head);
            uint length = Read32(head[4..]);
            if (length < BlockOverhead || (length & 3) != 0 || length > MaxPlausibleBlockLength)
            {
                Report(offset + 4, _frameNumber + 1, string.Create(CultureInfo.InvariantCulture,
                    $"block length {length} is impossible; looking for the next block"));
                DamagedRecords++;
                if (type == PcapngBlockType.SectionHeader && Sections == 0)
                {
                    throw new CaptureFormatException(DisplayName, offset + 4,
                        string.Create(CultureInfo.InvariantCulture, $"section header block length {length} is impossible"));
                }

                Resynchronise(offset);
                continue;
            }

            if (length > Limits.MaxRecordBytes + MetadataAllowance)
            {
                if (IsPacketBlock(type))
                {
                    _frameNumber++;
                }

                DamagedRecords++;
                Report(offset, IsPacketBlock(type) ? _frameNumber : null, string.Create(CultureInfo.InvariantCulture,
                    $"block of {length} bytes is over the {Limits.MaxRecordBytes}-byte record limit; skipped"));
                if (Window.Skip(length) < length)
                {
                    Report(Window.Position, null, "the skipped block ran past the end of the file");
                    return false;
                }

                continue;
            }

            if (!Window.Ensure((int)length))
            {
                Report(offset, IsPacketBlock(type) ? _frameNumber + 1 : null, string.Create(CultureInfo.InvariantCulture,
                    $"last block cut short at end of file: {Window.Available} of {length} bytes"));
                DamagedRecords++;
                (EndCutAt, EndCutFrame) = (offset, IsPacketBlock(type) ? _frameNumber + 1 : null);
                Window.Skip(Window.Available);
                return false;
            }

            ReadOnlySpan<byte> block = Window.Span[..(int)length];
            if (Read32(block[^4..]) != length)
            {
                Report(offset + length - 4, IsPacketBlock(type) ? _frameNumber + 1 : null, string.Create(CultureInfo.InvariantCulture,
                    $"trailing block length {Read32(block[^4..])} differs from the leading {length}; looking for the next block"));
                DamagedRecords++;
                Resynchronise(offset);
                continue;
            }

            ReadOnlySpan<byte> body = block[8..^4];
            bool produced = false;
            switch (type)
            {
                case PcapngBlockType.SectionHeader:
                    ReadSectionHeader(body, offset);
                    break;
                case PcapngBlockType.InterfaceDescription:
                    ReadInterfaceDescription(body, offset);
                    break;
                case PcapngBlockType.EnhancedPacket:
                    produced = TryReadPacket(body, offset, obsolete: false, out frame);
                    break;
                case PcapngBlockType.SimplePacket:
                    produced = TryReadSimplePacket(body, offset, out frame);
                    break;
                case PcapngBlockType.Packet:
                    produced = TryReadPacket(body, offset, obsolete: true, out frame);
                    break;
                case PcapngBlockType.SystemdJournalExport:
                    _frameNumber++;
                    break;
                default:
                    break;
            }

            // The frame's bytes stay where they are: Advance moves the cursor, never the buffer.
            Window.Advance((int)length);
            if (produced)
            {
                return true;
            }
        }
    }

    private static bool IsPacketBlock(PcapngBlockType type) =>
        type is PcapngBlockType.EnhancedPacket or PcapngBlockType.SimplePacket or PcapngBlockType.Packet;

    private static bool IsKnownBlock(PcapngBlockType type) =>
        type is PcapngBlockType.SectionHeader or PcapngBlockType.InterfaceDescription or PcapngBlockType.Packet
            or PcapngBlockType.SimplePacket or PcapngBlockType.NameResolution or PcapngBlockType.InterfaceStatistics
            or PcapngBlockType.EnhancedPacket or PcapngBlockType.SystemdJournalExport or PcapngBlockType.DecryptionSecrets
            or PcapngBlockType.CustomCopiable or PcapngBlockType.CustomNotCopiable;

    private void ReadSectionHeader(ReadOnlySpan<byte> body, long offset)
    {
        // BOM(4) major(2) minor(2) section length(8) options
        Sections++;
        _interfaces.Clear();
        if (body.Length < 16)
        {
            Report(offset, null, "section header block too short for its fields");
            return;
        }

        ushort major = Read16(body[4..]);
        if (major != 1)
        {
            Report(offset + 12, null, string.Create(CultureInfo.InvariantCulture,
                $"section version {major}.{Read16(body[6..])} is not 1.x; reading it as 1.0"));
        }
    }

    private void ReadInterfaceDescription(ReadOnlySpan<byte> body, long offset)
    {
        // LinkType(2) reserved(2) SnapLen(4) options
        if (body.Length < 8)
        {
            Report(offset, null, "interface description block too short for its fields; interface defined as Ethernet");
            _interfaces.Add(new InterfaceDescription(LinkType.Ethernet, 0, InterfaceDescription.DefaultResolutionExponent, false, 0));
            return;
        }

        var linkType = (LinkType)Read16(body);
        uint snapLength = Read32(body[4..]);
        byte exponent = InterfaceDescription.DefaultResolutionExponent;
        bool binary = false;
        long offsetSeconds = 0;
        var options = new PcapngOptionReader(body[8..], _bigEndian);
        while (options.TryRead(out ushort code, out ReadOnlySpan<byte> value))
        {
            if (code == InterfaceTimestampResolution && value.Length >= 1)
            {
                byte candidate = (byte)(value[0] & 0x7F);
                bool candidateBinary = (value[0] & 0x80) != 0;
                if (InterfaceDescription.IsSupportedResolution(candidate, candidateBinary))
                {
                    exponent = candidate;
                    binary = candidateBinary;
                }
                else
                {
                    Report(offset, null, string.Create(CultureInfo.InvariantCulture,
                        $"interface {_interfaces.Count}: if_tsresol 0x{value[0]:X2} is out of range; using microseconds"));
                }
            }
            else if (code == InterfaceTimestampOffset && value.Length >= 8)
            {
                offsetSeconds = (long)Read64(value);
            }
        }

        _interfaces.Add(new InterfaceDescription(linkType, snapLength, exponent, binary, offsetSeconds));
    }

    /// <summary>
    /// Enhanced Packet Block: Interface ID(4) Timestamp high(4) low(4) Captured length(4) Original length(4) data options.
    /// The obsolete Packet Block is laid out alike but for Interface ID(2) Drops count(2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadPacket(ReadOnlySpan<byte> body, long offset, bool obsolete, out CapturedFrame frame)
    {
        frame = default;
        _frameNumber++;
        if (body.Length < 20)
        {
            Report(offset, _frameNumber, "packet block too short for its fields; skipped");
            DamagedRecords++;
            return false;
        }

        uint interfaceId = obsolete ? Read16(body) : Read32(body);
        ulong units = ((ulong)Read32(body[4..]) << 32) | Read32(body[8..]);
        uint captured = Read32(body[12..]);
        uint original = Read32(body[16..]);
        ReadOnlySpan<byte> rest = body[20..];
        if (captured > rest.Length)
        {
            Report(offset + 20, _frameNumber, string.Create(CultureInfo.InvariantCulture,
                $"captured length {captured} exceeds the block's {rest.Length} data bytes; decoding what is there"));
            captured = (uint)rest.Length;
        }

        if (!TryGetInterface(interfaceId, offset, out InterfaceDescription? description))
        {
            return false;
        }

        string? comment = null;
        ulong packetId = 0;
        int padded = (int)Math.Min(((long)captured + 3) & ~3L, rest.Length);
        if (rest.Length > padded)
        {
            comment = ReadOptions(rest[padded..], offset + 28 + padded, out packetId);
        }

        Timestamp time = description.ToTimestamp(units);
        NoteTime(time, _frameNumber, offset);
        frame = new CapturedFrame(_frameNumber, time, description.LinkType, (int)interfaceId,
            original, rest[..(int)captured], offset, comment, packetId);
        return true;
    }

    private bool TryReadSimplePacket(ReadOnlySpan<byte> body, long offset, out CapturedFrame frame)
    {
        // Original length(4) data; interface 0, no timestamp
        frame = default;
        _frameNumber++;
        if (body.Length < 4)
        {
            Report(offset, _frameNumber, "simple packet block too short for its fields; skipped");
            DamagedRecords++;
            return false;
        }

        if (!TryGetInterface(0, offset, out InterfaceDescription? description))
        {
            return false;
        }

        uint original = Read32(body);
        long captured = Math.Min(original, body.Length - 4);
        if (description.SnapLength != 0)
        {
            captured = Math.Min(captured, description.SnapLength);
        }

        frame = new CapturedFrame(_frameNumber, default, description.LinkType, 0, original, body.Slice(4, (int)captured), offset);
        return true;
    }

    private bool TryGetInterface(uint interfaceId, long offset, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InterfaceDescription? description)
    {
        if (interfaceId < (uint)_interfaces.Count)
        {
            description = _interfaces[(int)interfaceId];
            return true;
        }

        description = null;
        DamagedRecords++;
        if (!_reportedUndefinedInterface)
        {
            _reportedUndefinedInterface = true;
            Report(offset + 8, _frameNumber, string.Create(CultureInfo.InvariantCulture,
                $"packet refers to interface {interfaceId}, but the section defines {_interfaces.Count}; such packets are skipped"));
        }

        return false;
    }

    /// <summary>
    /// The packet's comment and its identity: epb_packetid (draft-ietf-opsawg-pcapng §4.3.1: one
    /// packet seen at several capture points keeps one id; etl2pcapng writes pktmon's PktGroupId
    /// there), or the group and number a pktmon comment names (<see cref="PktmonComment"/>).
    /// </summary>
    /// <param name="optionsOffset">File offset of the options, for the warning when the comment is cut.</param>
    private string? ReadOptions(ReadOnlySpan<byte> options, long optionsOffset, out ulong packetId)
    {
        packetId = 0;
        string? comment = null;
        var reader = new PcapngOptionReader(options, _bigEndian);
        while (reader.TryRead(out ushort code, out ReadOnlySpan<byte> value))
        {
            if (code == PcapngOptionReader.Comment && comment is null)
            {
                int length = Math.Min(value.Length, Limits.MaxStringLength);
                if (length < value.Length && !_reportedLongComment)
                {
                    _reportedLongComment = true;
                    Report(optionsOffset, _frameNumber, string.Create(CultureInfo.InvariantCulture,
                        $"packet comment of {value.Length} bytes cut to the {Limits.MaxStringLength}-byte string limit; later cuts in this file are not reported"));
                }

                comment = Encoding.UTF8.GetString(value[..length]);
            }
            else if (code == PcapngOptionReader.PacketId && value.Length == 8 && packetId == 0)
            {
                packetId = Read64(value);
            }
        }

        if (comment is not null && PktmonComment.TryReadPacketId(comment, out ulong pktmonId))
        {
            packetId = pktmonId;
        }

        return comment;
    }

    /// <summary>
    /// Step forward four bytes at a time (blocks are 32-bit aligned) until a known block type with a
    /// sane length whose trailing copy matches. Always advances.
    /// </summary>
    private void Resynchronise(long damagedOffset)
    {
        Window.Advance(Math.Min(4, Window.Available));
        while (Window.Ensure(BlockOverhead))
        {
            if (IsCandidate())
            {
                Report(Window.Position, null, string.Create(CultureInfo.InvariantCulture,
                    $"resynchronised after skipping {Window.Position - damagedOffset} damaged bytes"), DiagnosticSeverity.Info);
                return;
            }

            Window.Advance(4);
        }

        Report(Window.Position, null, "no further block found after the damage", DiagnosticSeverity.Info);
        Window.Skip(Window.Available);
    }

    private bool IsCandidate()
    {
        ReadOnlySpan<byte> head = Window.Span;
        uint rawType = BinaryPrimitives.ReadUInt32LittleEndian(head);
        bool bigEndian = _bigEndian;
        if (rawType == (uint)PcapngBlockType.SectionHeader)
        {
            uint bom = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
            if (bom != ByteOrderMagic && BinaryPrimitives.ReverseEndianness(bom) != ByteOrderMagic)
            {
                return false;
            }

            bigEndian = bom != ByteOrderMagic;
        }

        uint type = Endian.Read32(head, bigEndian);
        uint length = Endian.Read32(head[4..], bigEndian);
        if (!IsKnownBlock((PcapngBlockType)type) || length < BlockOverhead || (length & 3) != 0
            || length > Limits.MaxRecordBytes + MetadataAllowance)
        {
            return false;
        }

        if (!Window.Ensure((int)length))
        {
            return false;
        }

        ReadOnlySpan<byte> trailer = Window.Span.Slice((int)length - 4, 4);
        uint trailing = Endian.Read32(trailer, bigEndian);
        return trailing == length;
    }

    private ushort Read16(ReadOnlySpan<byte> bytes) => Endian.Read16(bytes, _bigEndian);

    private uint Read32(ReadOnlySpan<byte> bytes) => Endian.Read32(bytes, _bigEndian);

    private ulong Read64(ReadOnlySpan<byte> bytes) => Endian.Read64(bytes, _bigEndian);
}

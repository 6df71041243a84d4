using System.Buffers;
using System.Text;
using Analyzer.Capture.IO;
using Analyzer.Core;

namespace Analyzer.Capture.Pcapng;

/// <summary>
/// Writes pcapng (draft-ietf-opsawg-pcapng): Section Header, Interface Description and Enhanced or
/// Simple Packet Blocks, in either byte order. Used by <c>vpndiag capture</c>, the benchmark's
/// generator, and tests that need sections, byte orders or resolutions no lab tool produces.
/// </summary>
public sealed class PcapngWriter : IDisposable
{
    private const ushort OptionComment = 1;
    private const ushort OptionEpbPacketId = 5;
    private const ushort OptionShbUserApplication = 4;
    private const ushort OptionIfName = 2;
    private const ushort OptionIfTsResol = 9;
    private const ushort OptionIfTsOffset = 14;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly List<(byte Resolution, long OffsetSeconds)> _interfaces = [];
    private bool _bigEndian;
    private byte[] _scratch = new byte[4096];

    /// <summary>Starts the file with a first section.</summary>
    public PcapngWriter(Stream stream, bool bigEndian = false, string? application = "vpndiag", bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        StartSection(bigEndian, application);
    }

    /// <summary>Begins a new section (its own byte order; interfaces start again from 0).</summary>
    public void StartSection(bool bigEndian, string? application = null)
    {
        _bigEndian = bigEndian;
        _interfaces.Clear();
        int optionsLength = OptionLength(application);
        int length = 12 + 16 + optionsLength + (optionsLength > 0 ? 4 : 0);
        Span<byte> block = Begin(0x0A0D0D0A, length);
        Write32(block[8..], 0x1A2B3C4D);
        Write16(block[12..], 1);
        Write16(block[14..], 0);
        Write64(block[16..], ulong.MaxValue); // section length unknown: we stream
        int position = 24;
        position = WriteOption(block, position, OptionShbUserApplication, application);
        End(block, position, length);
    }

    /// <summary>
    /// Declares an interface and returns its id. <paramref name="timestampResolution"/> is the raw
    /// if_tsresol byte: 6 = microseconds, 9 = nanoseconds, 0x80|n = 2^-n seconds.
    /// </summary>
    public int AddInterface(LinkType linkType, uint snapLength = 262144, byte timestampResolution = 9, string? name = null, long offsetSeconds = 0)
    {
        int optionsLength = OptionLength(name) + 8 + (offsetSeconds != 0 ? 12 : 0);
        int length = 12 + 8 + optionsLength + 4;
        Span<byte> block = Begin(1, length);
        Write16(block[8..], (ushort)linkType);
        Write16(block[10..], 0);
        Write32(block[12..], snapLength);
        int position = 16;
        position = WriteOption(block, position, OptionIfName, name);
        Write16(block[position..], OptionIfTsResol);
        Write16(block[(position + 2)..], 1);
        block.Slice(position + 4, 4).Clear();
        block[position + 4] = timestampResolution;
        position += 8;
        if (offsetSeconds != 0)
        {
            Write16(block[position..], OptionIfTsOffset);
            Write16(block[(position + 2)..], 8);
            Write64(block[(position + 4)..], (ulong)offsetSeconds);
            position += 12;
        }

        End(block, position, length);
        _interfaces.Add((timestampResolution, offsetSeconds));
        return _interfaces.Count - 1;
    }

    /// <summary>
    /// An Enhanced Packet Block. <paramref name="originalLength"/> defaults to the data's length;
    /// <paramref name="packetId"/>, when given, is written as epb_packetid (what etl2pcapng writes for pktmon's PktGroupId).
    /// </summary>
    public void WritePacket(int interfaceId, Timestamp time, ReadOnlySpan<byte> data, long originalLength = -1, string? comment = null, ulong? packetId = null)
    {
        (byte resolution, long offsetSeconds) = _interfaces[interfaceId];
        ulong units = ToUnits(time.UnixNanoseconds - (offsetSeconds * 1_000_000_000L), resolution);
        int padded = (data.Length + 3) & ~3;
        int optionsLength = OptionLength(comment) + (packetId is null ? 0 : 12);
        int length = 12 + 20 + padded + optionsLength + (optionsLength > 0 ? 4 : 0);
        Span<byte> block = Begin(6, length);
        Write32(block[8..], (uint)interfaceId);
        Write32(block[12..], (uint)(units >> 32));
        Write32(block[16..], (uint)units);
        Write32(block[20..], (uint)data.Length);
        Write32(block[24..], (uint)(originalLength < 0 ? data.Length : originalLength));
        data.CopyTo(block[28..]);
        block.Slice(28 + data.Length, padded - data.Length).Clear();
        int position = WriteOption(block, 28 + padded, OptionComment, comment);
        if (packetId is ulong id)
        {
            Write16(block[position..], OptionEpbPacketId);
            Write16(block[(position + 2)..], 8);
            Write64(block[(position + 4)..], id);
            position += 12;
        }

        End(block, position, length);
    }

    /// <summary>A Simple Packet Block (interface 0, no timestamp).</summary>
    public void WriteSimplePacket(ReadOnlySpan<byte> data, uint originalLength)
    {
        int padded = (data.Length + 3) & ~3;
        int length = 12 + 4 + padded;
        Span<byte> block = Begin(3, length);
        Write32(block[8..], originalLength);
        data.CopyTo(block[12..]);
        block.Slice(12 + data.Length, padded - data.Length).Clear();
        End(block, 12 + padded, length);
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    internal static ulong ToUnits(long unixNanoseconds, byte resolution)
    {
        int exponent = resolution & 0x7F;
        ulong nanoseconds = (ulong)unixNanoseconds;
        if ((resolution & 0x80) != 0)
        {
            ulong seconds = nanoseconds / 1_000_000_000UL;
            ulong fraction = nanoseconds % 1_000_000_000UL;
            return (seconds << exponent) + (ulong)(((UInt128)fraction << exponent) / 1_000_000_000UL);
        }

        if (exponent <= 9)
        {
            ulong divisor = 1;
            for (int i = exponent; i < 9; i++)
            {
                divisor *= 10;
            }

            return nanoseconds / divisor;
        }

        ulong multiplier = 1;
        for (int i = 9; i < exponent; i++)
        {
            multiplier *= 10;
        }

        return nanoseconds * multiplier;
    }

    private static int OptionLength(string? value) =>
        value is null ? 0 : 4 + ((Encoding.UTF8.GetByteCount(value) + 3) & ~3);

    private int WriteOption(Span<byte> block, int position, ushort code, string? value)
    {
        if (value is null)
        {
            return position;
        }

        int count = Encoding.UTF8.GetBytes(value, block[(position + 4)..]);
        Write16(block[position..], code);
        Write16(block[(position + 2)..], (ushort)count);
        int padded = (count + 3) & ~3;
        block.Slice(position + 4 + count, padded - count).Clear();
        return position + 4 + padded;
    }

    private Span<byte> Begin(uint type, int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }

        Span<byte> block = _scratch.AsSpan(0, length);
        Write32(block, type);
        Write32(block[4..], (uint)length);
        return block;
    }

    private void End(Span<byte> block, int position, int length)
    {
        // opt_endofopt when any option was written, then the trailing length.
        if (position < length - 4)
        {
            block.Slice(position, length - 4 - position).Clear();
        }

        Write32(block[(length - 4)..], (uint)length);
        _stream.Write(block);
    }

    private void Write16(Span<byte> destination, ushort value) => Endian.Write16(destination, value, _bigEndian);

    private void Write32(Span<byte> destination, uint value) => Endian.Write32(destination, value, _bigEndian);

    private void Write64(Span<byte> destination, ulong value) => Endian.Write64(destination, value, _bigEndian);
}

using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Capture.Pcap;

/// <summary>
/// Writes classic pcap in either byte order with microsecond or nanosecond timestamps: for the
/// benchmark's generated captures and for tests of the reader's variants.
/// </summary>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly bool _leaveOpen;
    private readonly byte[] _header = new byte[16];

    public PcapWriter(Stream stream, LinkType linkType, bool nanoseconds = false, bool bigEndian = false, uint snapLength = 262144, bool leaveOpen = false)
    {
        _stream = stream;
        _bigEndian = bigEndian;
        _nanoseconds = nanoseconds;
        _leaveOpen = leaveOpen;
        Span<byte> header = stackalloc byte[24];
        Write32(header, nanoseconds ? CaptureFormat.PcapNanoseconds : CaptureFormat.PcapMicroseconds);
        Write16(header[4..], 2);
        Write16(header[6..], 4);
        Write32(header[8..], 0);
        Write32(header[12..], 0);
        Write32(header[16..], snapLength);
        Write32(header[20..], (uint)linkType);
        stream.Write(header);
    }

    public void WritePacket(Timestamp time, ReadOnlySpan<byte> data, long originalLength = -1)
    {
        long seconds = Math.DivRem(time.UnixNanoseconds, 1_000_000_000L, out long nanoseconds);
        Write32(_header, (uint)seconds);
        Write32(_header.AsSpan(4), (uint)(_nanoseconds ? nanoseconds : nanoseconds / 1000));
        Write32(_header.AsSpan(8), (uint)data.Length);
        Write32(_header.AsSpan(12), (uint)(originalLength < 0 ? data.Length : originalLength));
        _stream.Write(_header);
        _stream.Write(data);
    }

    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Write16(Span<byte> destination, ushort value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
        }
    }

    private void Write32(Span<byte> destination, uint value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
        }
    }
}

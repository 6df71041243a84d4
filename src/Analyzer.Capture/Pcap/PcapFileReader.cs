using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using Analyzer.Capture.IO;
using Analyzer.Core;

namespace Analyzer.Capture.Pcap;

/// <summary>
/// Classic libpcap files: both byte orders, microsecond and nanosecond magic, and the Kuznetzov
/// variant with its longer record header. Layout from the tcpdump.org pcap file format description
/// (draft-ietf-opsawg-pcap): a 24-byte file header, then records of a 16-byte header and the bytes.
/// </summary>
internal sealed class PcapFileReader : CaptureReader
{
    public const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const int KuznetzovRecordHeaderLength = 24;

    /// <summary>Wireshark's largest snapshot length for ordinary link types; records beyond it are damage.</summary>
    private const int MaxPlausibleSnapLength = 262144;

    /// <summary>No record is larger than this, whatever a (possibly damaged) snaplen claims.</summary>
    private const long MaxRecordCeiling = 64L << 20;

    /// <summary>How far apart in seconds two neighbouring records may be for a resync candidate to count.</summary>
    private const long ResyncTimeWindowSeconds = 86400;

    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly int _recordHeaderLength;
    private readonly uint _snapLength;
    private readonly long _maxCapturedLength;
    private long _frameNumber;
    private uint _lastSeconds;
    private bool _haveLastSeconds;

    public PcapFileReader(CaptureSource source)
        : base(source)
    {
        if (!Window.Ensure(FileHeaderLength))
        {
            throw new CaptureFormatException(DisplayName, Window.Available,
                string.Create(CultureInfo.InvariantCulture, $"pcap file header cut short: {Window.Available} of {FileHeaderLength} bytes"));
        }

        ReadOnlySpan<byte> header = Window.Span[..FileHeaderLength];
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        _bigEndian = CaptureFormat.IsPcapMagic(magic);
        if (!_bigEndian)
        {
            magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        }

        _nanoseconds = magic == CaptureFormat.PcapNanoseconds;
        _recordHeaderLength = magic == CaptureFormat.PcapKuznetzov ? KuznetzovRecordHeaderLength : RecordHeaderLength;
        _snapLength = Read32(header[16..]);

        // The link-type field keeps the FCS length in its top bits (pcap format §"LinkType and additional information").
        LinkType = (LinkType)(ushort)Read32(header[20..]);
        _maxCapturedLength = Math.Min(Math.Max(_snapLength, MaxPlausibleSnapLength), MaxRecordCeiling);
        Window.Advance(FileHeaderLength);
    }

    public override InputKind Kind => InputKind.Pcap;

    public LinkType LinkType { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryReadFrame(out CapturedFrame frame)
    {
        frame = default;
        while (true)
        {
            long offset = Window.Position;
            if (!Window.Ensure(_recordHeaderLength))
            {
                if (Window.Available > 0)
                {
                    Report(offset, _frameNumber + 1, string.Create(CultureInfo.InvariantCulture,
                        $"record header cut short at end of file: {Window.Available} of {_recordHeaderLength} bytes"));
                    DamagedRecords++;
                    (EndCutAt, EndCutFrame) = (offset, _frameNumber + 1);
                    Window.Skip(Window.Available);
                }

                return false;
            }

            ReadOnlySpan<byte> header = Window.Span[.._recordHeaderLength];
            uint seconds = Read32(header);
            uint fraction = Read32(header[4..]);
            uint capturedLength = Read32(header[8..]);
            uint originalLength = Read32(header[12..]);
            if (!IsPlausible(seconds, fraction, capturedLength, originalLength, checkTime: false))
            {
                Report(offset, _frameNumber + 1, string.Create(CultureInfo.InvariantCulture,
                    $"record length {capturedLength} (on the wire {originalLength}) is impossible for snaplen {_snapLength}; looking for the next record"));
                DamagedRecords++;
                Resynchronise(offset);
                continue;
            }

            // In long arithmetic: a snaplen near 2^32 makes huge lengths "plausible", and an int sum
            // would turn negative, skip nothing, and read the same header forever.
            long total = _recordHeaderLength + (long)capturedLength;
            if (capturedLength > Limits.MaxRecordBytes)
            {
                _frameNumber++;
                DamagedRecords++;
                Report(offset, _frameNumber, string.Create(CultureInfo.InvariantCulture,
                    $"record of {capturedLength} bytes is over the {Limits.MaxRecordBytes}-byte limit; skipped"));
                if (Window.Skip(total) < total)
                {
                    return false;
                }

                continue;
            }

            if (!Window.Ensure((int)total))
            {
                Report(offset, _frameNumber + 1, string.Create(CultureInfo.InvariantCulture,
                    $"last record cut short at end of file: {Window.Available - _recordHeaderLength} of {capturedLength} bytes"));
                DamagedRecords++;
                (EndCutAt, EndCutFrame) = (offset, _frameNumber + 1);
                Window.Skip(Window.Available);
                return false;
            }

            _frameNumber++;
            _lastSeconds = seconds;
            _haveLastSeconds = true;
            Timestamp time = Timestamp.FromUnix(seconds, _nanoseconds ? fraction : fraction * 1000L, _nanoseconds ? (byte)9 : (byte)6);
            NoteTime(time, _frameNumber, offset);
            frame = new CapturedFrame(_frameNumber, time, LinkType, 0, originalLength,
                Window.Span.Slice(_recordHeaderLength, (int)capturedLength), offset);
            Window.Advance((int)total);
            return true;
        }
    }

    private bool IsPlausible(uint seconds, uint fraction, uint capturedLength, uint originalLength, bool checkTime)
    {
        if (capturedLength > _maxCapturedLength)
        {
            return false;
        }

        if (!checkTime)
        {
            return true;
        }

        if (fraction >= (_nanoseconds ? 1_000_000_000u : 1_000_000u) || originalLength < capturedLength
            || originalLength > 16 * MaxPlausibleSnapLength)
        {
            return false;
        }

        return !_haveLastSeconds || Math.Abs((long)seconds - _lastSeconds) <= ResyncTimeWindowSeconds;
    }

    /// <summary>
    /// Garbage where a record header should be: step forward a byte at a time until a header looks
    /// right and the record after it does too (or ends the file exactly). Always advances.
    /// </summary>
    private void Resynchronise(long damagedOffset)
    {
        Window.Advance(1);
        while (Window.Ensure(_recordHeaderLength))
        {
            if (IsCandidate(Window.Span))
            {
                Report(Window.Position, null, string.Create(CultureInfo.InvariantCulture,
                    $"resynchronised after skipping {Window.Position - damagedOffset} damaged bytes"), DiagnosticSeverity.Info);
                return;
            }

            Window.Advance(1);
        }

        Report(Window.Position, null, "no further record found after the damage", DiagnosticSeverity.Info);
        Window.Skip(Window.Available);
    }

    private bool IsCandidate(ReadOnlySpan<byte> at)
    {
        if (!HeaderPlausible(at) || Read32(at[8..]) > Limits.MaxRecordBytes)
        {
            return false;
        }

        int next = _recordHeaderLength + (int)Read32(at[8..]);
        if (!Window.Ensure(next + _recordHeaderLength))
        {
            // The candidate must end the file exactly.
            return Window.Available == next;
        }

        return HeaderPlausible(Window.Span[next..]);
    }

    private bool HeaderPlausible(ReadOnlySpan<byte> header) =>
        IsPlausible(Read32(header), Read32(header[4..]), Read32(header[8..]), Read32(header[12..]), checkTime: true);

    private uint Read32(ReadOnlySpan<byte> bytes) => Endian.Read32(bytes, _bigEndian);
}

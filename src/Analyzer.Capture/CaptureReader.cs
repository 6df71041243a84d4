using System.Globalization;
using System.IO.Compression;
using Analyzer.Capture.IO;
using Analyzer.Capture.Pcap;
using Analyzer.Capture.Pcapng;
using Analyzer.Core;

namespace Analyzer.Capture;

/// <summary>
/// Streams packet records out of a pcap or pcapng file (gzip-compressed or not) with bounded memory.
/// Damage inside the file becomes an <see cref="InputDiagnostic"/> and reading resynchronises where
/// the format allows; only a file that is not a capture at all throws <see cref="CaptureFormatException"/>.
/// </summary>
public abstract class CaptureReader : IDisposable
{
    private const int SniffLength = 12;
    private readonly Stream _rawStream;
    private readonly Stream _stream;
    private readonly ReadAhead? _readAhead;
    private readonly Action<InputDiagnostic>? _onDiagnostic;
    private readonly bool _leaveOpen;
    private bool _disposed;

    private protected CaptureReader(CaptureSource source)
    {
        _rawStream = source.RawStream;
        _stream = source.Stream;
        _readAhead = source.ReadAhead;
        Window = source.Window;
        DisplayName = source.DisplayName;
        Limits = source.Limits;
        IsCompressed = source.IsCompressed;
        _onDiagnostic = source.OnDiagnostic;
        _leaveOpen = source.LeaveOpen;
        Window.OnStreamError = (offset, reason) => Report(offset, null,
            (IsCompressed ? "damaged gzip data, the rest of the file is unreadable: " : "read error, the rest of the file is unreadable: ") + reason,
            DiagnosticSeverity.Error);
    }

    public string DisplayName { get; }

    public abstract InputKind Kind { get; }

    public bool IsCompressed { get; }

    /// <summary>Bytes of the (decompressed) capture consumed so far.</summary>
    public long Position => Window.Position;

    /// <summary>How far through the file on disk reading is, 0 to 1 (compressed position for gzip); 0 when the length is unknown.</summary>
    public double Progress
    {
        get
        {
            if (!_rawStream.CanSeek)
            {
                return 0;
            }

            long length = _rawStream.Length;
            return length == 0 ? 1 : Math.Clamp(_rawStream.Position / (double)length, 0, 1);
        }
    }

    /// <summary>How many diagnostics this reader has reported.</summary>
    public int DiagnosticCount { get; private set; }

    /// <summary>Packet records skipped because they were damaged or over the record limit.</summary>
    public long DamagedRecords { get; private protected set; }

    /// <summary>
    /// The file offset of a last record the end of the file cut short (a capture copied or written
    /// out before it was finished): what followed it is missing. Null when the file ends cleanly.
    /// </summary>
    public long? EndCutAt { get; private protected set; }

    /// <summary>The frame number the cut record would have had, when <see cref="EndCutAt"/> is set.</summary>
    public long? EndCutFrame { get; private protected set; }

    private protected ByteWindow Window { get; }

    private protected AnalysisLimits Limits { get; }

    /// <summary>Opens a capture file by path; <paramref name="displayName"/> is how messages name it.</summary>
    public static CaptureReader Open(string path, string? displayName = null, AnalysisLimits? limits = null,
        Action<InputDiagnostic>? onDiagnostic = null)
    {
        string name = displayName ?? path;
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaptureFormatException(name + ": cannot open: " + e.Message, e);
        }

        try
        {
            return Open(file, name, limits, onDiagnostic, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a capture from a stream (seekable or not; a gzip member is decompressed on the fly). A
    /// large one is read ahead on a second thread when the machine has one (<see cref="ReadAheadOptions.Choose"/>).
    /// </summary>
    public static CaptureReader Open(Stream stream, string displayName, AnalysisLimits? limits = null,
        Action<InputDiagnostic>? onDiagnostic = null, bool leaveOpen = false) =>
        Open(stream, displayName, limits, onDiagnostic, leaveOpen, ReadAheadOptions.Choose);

    /// <summary>As the public overload, with the read-ahead decided by <paramref name="readAhead"/> (null: on this thread).</summary>
    internal static CaptureReader Open(Stream stream, string displayName, AnalysisLimits? limits,
        Action<InputDiagnostic>? onDiagnostic, bool leaveOpen, Func<Stream, bool, ReadAheadOptions?> readAhead)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= AnalysisLimits.Default;
        byte[] head = new byte[SniffLength];
        int headLength;
        try
        {
            headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (stream.CanSeek)
            {
                stream.Position -= headLength;
            }
            else
            {
                // Replay the sniffed bytes in front of the rest; the wrapper now owns the stream.
                stream = new PrefixedStream(head[..headLength], stream, leaveOpen);
                leaveOpen = false;
            }
        }
        catch (IOException e)
        {
            throw new CaptureFormatException(displayName, 0, "cannot read: " + e.Message);
        }

        bool compressed = CaptureFormat.IsGzip(head.AsSpan(0, headLength));
        if (headLength == 0)
        {
            throw new CaptureFormatException(displayName, 0, "the file is empty");
        }

        Stream decoded = compressed ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
        ReadAhead? ahead = readAhead(stream, compressed) is ReadAheadOptions options ? new ReadAhead(decoded, options) : null;
        var window = ahead is null ? new ByteWindow(decoded) : new ByteWindow(ahead);
        // The window reports damaged gzip data (and read errors) instead of throwing them; the reader
        // replaces this handler with its own once the format is known.
        string? damaged = null;
        window.OnStreamError = (_, reason) => damaged = reason;
        window.Ensure(SniffLength);
        if (damaged is not null && window.Available < SniffLength)
        {
            window.Dispose();
            ahead?.Dispose();
            decoded.Dispose();
            throw new CaptureFormatException(displayName, 0, "damaged gzip data: " + damaged);
        }

        InputKind kind = CaptureFormat.Sniff(window.Span[..Math.Min(window.Available, SniffLength)]);
        var source = new CaptureSource(stream, decoded, ahead, window, displayName, limits, compressed, onDiagnostic, leaveOpen);
        switch (kind)
        {
            case InputKind.Pcap:
                return new PcapFileReader(source);
            case InputKind.Pcapng:
                return new PcapngFileReader(source);
            default:
                string reason = window.Available == 0 ? "the file is empty" : "not a pcap or pcapng capture (unknown magic number)";
                window.Dispose();
                ahead?.Dispose();
                if (compressed)
                {
                    decoded.Dispose();
                }

                throw new CaptureFormatException(displayName, 0, reason);
        }
    }

    /// <summary>The next packet record, or false at the end of the file.</summary>
    public abstract bool TryReadFrame(out CapturedFrame frame);

    /// <summary>
    /// Notes, once per file, a frame stamped a second or more before the latest frame read so far (a
    /// clock set back while capturing, or files merged out of order). Frames keep the file's order, as
    /// Wireshark numbers them; the note says that times around it do not compare. Smaller steps back
    /// are ordinary between a pcapng's interfaces and are not noted.
    /// </summary>
    private protected void NoteTime(Timestamp time, long frame, long offset)
    {
        if (time.UnixNanoseconds >= _latestNanoseconds)
        {
            _latestNanoseconds = time.UnixNanoseconds;
            _latestFrame = frame;
            return;
        }

        const long Second = 1_000_000_000;
        long back = _latestNanoseconds - time.UnixNanoseconds;
        if (!_toldTimeBackwards && back >= Second && _latestFrame > 0)
        {
            _toldTimeBackwards = true;
            Report(offset, frame, string.Create(CultureInfo.InvariantCulture,
                $"frame {frame} is stamped {back / (double)Second:0.###} s before frame {_latestFrame}: the capturing clock went back or the file was merged out of order; frames keep the file's order, and times across this point do not compare"),
                DiagnosticSeverity.Info);
        }
    }

    private long _latestNanoseconds = long.MinValue;
    private long _latestFrame;
    private bool _toldTimeBackwards;

    private protected void Report(long offset, long? frame, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning)
    {
        DiagnosticCount++;
        _onDiagnostic?.Invoke(new InputDiagnostic(DisplayName, offset, frame, message, severity));
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        Window.Dispose();

        // The read-ahead first (it stops its thread), then the gzip stream it read, then the file.
        _readAhead?.Dispose();
        if (!ReferenceEquals(_stream, _rawStream))
        {
            _stream.Dispose();
        }

        if (!_leaveOpen)
        {
            _rawStream.Dispose();
        }
    }
}

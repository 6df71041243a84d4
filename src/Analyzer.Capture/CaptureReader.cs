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
    private const long ReadAheadThreshold = 32L << 20;
    private readonly Stream _rawStream;
    private readonly Stream _stream;
    private readonly Action<InputDiagnostic>? _onDiagnostic;
    private readonly bool _leaveOpen;
    private bool _disposed;

    private protected CaptureReader(CaptureSource source)
    {
        _rawStream = source.RawStream;
        _stream = source.Stream;
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

    /// <summary>Opens a capture from a seekable stream (a gzip member is decompressed on the fly).</summary>
    public static CaptureReader Open(Stream stream, string displayName, AnalysisLimits? limits = null,
        Action<InputDiagnostic>? onDiagnostic = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= AnalysisLimits.Default;
        Span<byte> head = stackalloc byte[SniffLength];
        int headLength;
        bool compressed;
        try
        {
            long start = stream.CanSeek ? stream.Position : 0;
            headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            compressed = CaptureFormat.IsGzip(head[..headLength]);
            if (!stream.CanSeek)
            {
                throw new ArgumentException("the capture stream must be seekable", nameof(stream));
            }

            stream.Position = start;
        }
        catch (IOException e)
        {
            throw new CaptureFormatException(displayName, 0, "cannot read: " + e.Message);
        }

        if (headLength == 0)
        {
            throw new CaptureFormatException(displayName, 0, "the file is empty");
        }

        Stream decoded = compressed ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
        if (UseReadAhead(stream, compressed))
        {
            decoded = new ReadAheadStream(decoded);
        }

        var window = new ByteWindow(decoded);
        InputKind kind;
        try
        {
            window.Ensure(SniffLength);
            kind = CaptureFormat.Sniff(window.Span[..Math.Min(window.Available, SniffLength)]);
        }
        catch (InvalidDataException e)
        {
            window.Dispose();
            decoded.Dispose();
            throw new CaptureFormatException(displayName, 0, "damaged gzip data: " + e.Message);
        }

        var source = new CaptureSource(stream, decoded, window, displayName, limits, compressed, onDiagnostic, leaveOpen);
        switch (kind)
        {
            case InputKind.Pcap:
                return new PcapFileReader(source);
            case InputKind.Pcapng:
                return new PcapngFileReader(source);
            default:
                window.Dispose();
                if (compressed)
                {
                    decoded.Dispose();
                }

                throw new CaptureFormatException(displayName, 0,
                    window.Available == 0 ? "the file is empty" : "not a pcap or pcapng capture (unknown magic number)");
        }
    }

    /// <summary>
    /// Decompressing, or reading a large file, runs on a second thread while this one decodes. Small
    /// files are not worth a thread. VPNDIAG_READ_AHEAD=0 or 1 forces the choice (for benchmarks).
    /// </summary>
    private static bool UseReadAhead(Stream stream, bool compressed)
    {
        string? forced = Environment.GetEnvironmentVariable("VPNDIAG_READ_AHEAD");
        if (forced is "0" or "1")
        {
            return forced == "1";
        }

        return Environment.ProcessorCount > 1 && (compressed || (stream.CanSeek && stream.Length - stream.Position > ReadAheadThreshold));
    }

    /// <summary>The next packet record, or false at the end of the file.</summary>
    public abstract bool TryReadFrame(out CapturedFrame frame);

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

        // Read-ahead first (it stops its thread), then the gzip stream under it, then the file.
        if (!ReferenceEquals(_stream, _rawStream))
        {
            _stream.Dispose();
        }

        if (_stream is ReadAheadStream { Inner: var inner } && !ReferenceEquals(inner, _rawStream))
        {
            inner.Dispose();
        }

        if (!_leaveOpen)
        {
            _rawStream.Dispose();
        }
    }
}

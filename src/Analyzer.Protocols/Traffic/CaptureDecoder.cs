using System.Runtime.CompilerServices;
using Analyzer.Capture;
using Analyzer.Core;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// The decode stage's entry point: reads one capture file from start to end and feeds its VPN
/// traffic to a sink, in frame order, on the calling thread.
/// </summary>
public static class CaptureDecoder
{
    private const int CancellationCheckInterval = 4096;
    private const int ProgressInterval = 65536;

    /// <summary>
    /// Decodes <paramref name="input"/> (pcap or pcapng, gzip or not). Damage becomes diagnostics
    /// through <see cref="IVpnTrafficSink.OnDiagnostic"/>; a file that is not a capture at all throws
    /// <see cref="CaptureFormatException"/> (one line naming the file and offset).
    /// </summary>
    /// <param name="keys">ESP keys to decrypt with; null or empty: ESP is read up to its header only.</param>
    public static DecodeSummary Decode(AnalysisInput input, IVpnTrafficSink sink, AnalysisLimits limits,
        CancellationToken cancellationToken, IProgress<double>? progress = null, KeyStore? keys = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sink);
        limits ??= AnalysisLimits.Default;
        var diagnostics = new DiagnosticCounter(sink);
        using CaptureReader reader = CaptureReader.Open(input.Path, input.DisplayName, limits, diagnostics.Report);
        return Run(reader, diagnostics, input, sink, limits, keys, progress, cancellationToken);
    }

    /// <summary>
    /// Decodes a capture from a stream (a bundle entry, a test's bytes); <paramref name="input"/>
    /// names it and gives the frames their input index. The stream is left open.
    /// </summary>
    public static DecodeSummary Decode(AnalysisInput input, Stream stream, IVpnTrafficSink sink, AnalysisLimits limits,
        CancellationToken cancellationToken, IProgress<double>? progress = null, KeyStore? keys = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sink);
        limits ??= AnalysisLimits.Default;
        var diagnostics = new DiagnosticCounter(sink);
        using CaptureReader reader = CaptureReader.Open(stream, input.DisplayName, limits, diagnostics.Report, leaveOpen: true);
        return Run(reader, diagnostics, input, sink, limits, keys, progress, cancellationToken);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DecodeSummary Run(CaptureReader reader, DiagnosticCounter diagnostics, AnalysisInput input, IVpnTrafficSink sink,
        AnalysisLimits limits, KeyStore? keys, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var decoder = new FrameDecoder(input, sink, limits, keys);
        long count = 0;
        while (reader.TryReadFrame(out CapturedFrame frame))
        {
            decoder.Decode(frame);
            count++;
            if (count % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null && count % ProgressInterval == 0)
                {
                    progress.Report(reader.Progress);
                }
            }
        }

        decoder.Finish();
        progress?.Report(1);
        DecodeSummary summary = decoder.Summary;
        summary.Format = reader.Kind;
        summary.Compressed = reader.IsCompressed;
        summary.DamagedRecords = reader.DamagedRecords;
        summary.EndCutAt = reader.EndCutAt;
        summary.EndCutFrame = reader.EndCutFrame;
        summary.Diagnostics += diagnostics.Count;
        return summary;
    }

    /// <summary>Passes the reader's diagnostics on to the sink and counts them for the summary.</summary>
    private sealed class DiagnosticCounter(IVpnTrafficSink sink)
    {
        public long Count { get; private set; }

        public void Report(InputDiagnostic diagnostic)
        {
            Count++;
            sink.OnDiagnostic(diagnostic);
        }
    }
}

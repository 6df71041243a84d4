using Analyzer.Capture;
using Analyzer.Core;
using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DecodeSummary Decode(AnalysisInput input, IVpnTrafficSink sink, AnalysisLimits limits,
        CancellationToken cancellationToken, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sink);
        limits ??= AnalysisLimits.Default;
        long readerDiagnostics = 0;
        using CaptureReader reader = CaptureReader.Open(input.Path, input.DisplayName, limits, diagnostic =>
        {
            readerDiagnostics++;
            sink.OnDiagnostic(diagnostic);
        });
        using var decoder = new FrameDecoder(input, sink, limits);
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
        summary.Diagnostics += readerDiagnostics;
        return summary;
    }
}

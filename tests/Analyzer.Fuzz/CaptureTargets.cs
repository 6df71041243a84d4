using Analyzer.Capture;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;

namespace Analyzer.Fuzz;

/// <summary>Targets whose input is a whole capture file (pcap, pcapng, gzip of either).</summary>
public static class CaptureTargets
{
    /// <summary>The capture reader alone: every record read, every damage a diagnostic.</summary>
    public static void ReadFrames(ReadOnlySpan<byte> input)
    {
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        try
        {
            using CaptureReader reader = CaptureReader.Open(stream, "fuzz.pcap", FuzzLimits.Low, static _ => { });
            long frames = 0;
            while (reader.TryReadFrame(out CapturedFrame frame))
            {
                // A reader that yields records without consuming bytes would loop forever.
                if (++frames > input.Length + 1)
                {
                    throw new InvalidOperationException("capture reader yields more frames than the input has bytes");
                }

                _ = frame.Data.Length;
            }
        }
        catch (CaptureFormatException)
        {
            // Documented outcome for input that is not a capture at all.
        }
    }

    /// <summary>
    /// The decode and session stages on a crafted capture: link layers, IPv4/IPv6 reassembly, UDP,
    /// IKE, ESP, L2TP, PPP, PPTP, then completion of the capture model.
    /// </summary>
    public static void DecodeAndReconstruct(ReadOnlySpan<byte> input)
    {
        string path = ScratchFile.Write(input, ".pcap");
        var analysisInput = new AnalysisInput(0, path, "fuzz.pcap", InputKind.Unknown);
        var sink = new TrafficReconstructor(analysisInput, FuzzLimits.Low, keys: null);
        try
        {
            DecodeSummary summary = CaptureDecoder.Decode(analysisInput, sink, FuzzLimits.Low, CancellationToken.None);
            _ = sink.Complete(summary);
        }
        catch (CaptureFormatException)
        {
        }
    }
}

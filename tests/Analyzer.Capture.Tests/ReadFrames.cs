using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Capture.Tests;

/// <summary>One frame copied out of the reader, and a helper that reads a whole capture that way.</summary>
public sealed record ReadFrame(long Number, Timestamp Time, LinkType LinkType, int InterfaceId, long OriginalLength, byte[] Data, long FileOffset, string? Comment)
{
    /// <summary>Seconds since the epoch with nine digits, as tshark prints frame.time_epoch.</summary>
    public string EpochText
    {
        get
        {
            long seconds = Math.DivRem(Time.UnixNanoseconds, 1_000_000_000L, out long nanoseconds);
            if (nanoseconds < 0)
            {
                seconds--;
                nanoseconds += 1_000_000_000L;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{nanoseconds:D9}");
        }
    }

    public static (List<ReadFrame> Frames, List<InputDiagnostic> Diagnostics) ReadAll(string path, AnalysisLimits? limits = null)
    {
        var diagnostics = new List<InputDiagnostic>();
        using CaptureReader reader = CaptureReader.Open(path, Path.GetFileName(path), limits, diagnostics.Add);
        return (ReadAll(reader), diagnostics);
    }

    public static (List<ReadFrame> Frames, List<InputDiagnostic> Diagnostics) ReadAll(byte[] file, AnalysisLimits? limits = null)
    {
        var diagnostics = new List<InputDiagnostic>();
        using CaptureReader reader = CaptureReader.Open(new MemoryStream(file), "test.pcap", limits, diagnostics.Add);
        return (ReadAll(reader), diagnostics);
    }

    private static List<ReadFrame> ReadAll(CaptureReader reader)
    {
        var frames = new List<ReadFrame>();
        while (reader.TryReadFrame(out CapturedFrame frame))
        {
            frames.Add(new ReadFrame(frame.Number, frame.Time, frame.LinkType, frame.InterfaceId, frame.OriginalLength,
                frame.Data.ToArray(), frame.FileOffset, frame.Comment));
        }

        return frames;
    }
}

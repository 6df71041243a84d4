using System.Globalization;
using Analyzer.Capture.IO;
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

    /// <summary>
    /// Reads the whole capture twice, on this thread and read ahead on a second one in chunks of a few
    /// kilobytes (so records are cut by chunk boundaries and many are longer than the room kept in
    /// front of a chunk), checks that both give the same frames and diagnostics, and returns them:
    /// every test that reads a capture this way also holds the read-ahead to the plain reader.
    /// </summary>
    public static (List<ReadFrame> Frames, List<InputDiagnostic> Diagnostics) ReadAll(string path, AnalysisLimits? limits = null) =>
        ReadBothWays(() => File.OpenRead(path), Path.GetFileName(path), limits);

    public static (List<ReadFrame> Frames, List<InputDiagnostic> Diagnostics) ReadAll(byte[] file, AnalysisLimits? limits = null) =>
        ReadBothWays(() => new MemoryStream(file), "test.pcap", limits);

    /// <summary>Chunks of 3 000 bytes behind 1 096 bytes of headroom, three in flight.</summary>
    internal static ReadAheadOptions SmallChunks { get; } = new(ChunkSize: 3000, ChunkCount: 3, Headroom: 1096);

    private static (List<ReadFrame> Frames, List<InputDiagnostic> Diagnostics) ReadBothWays(Func<Stream> open, string name, AnalysisLimits? limits)
    {
        (List<ReadFrame> plainFrames, List<InputDiagnostic> plainDiagnostics) = Read(open(), name, limits, readAhead: null);
        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = (plainFrames, plainDiagnostics);
        (List<ReadFrame> aheadFrames, List<InputDiagnostic> aheadDiagnostics) = Read(open(), name, limits, SmallChunks);

        // Damaged gzip data loses what the failing read had inflated, and how much that is depends
        // on how much was asked for: the two agree up to the first point either of them lost.
        long lost = Math.Min(GzipDamageAt(diagnostics), GzipDamageAt(aheadDiagnostics));
        if (lost < long.MaxValue)
        {
            Assert.NotEqual(long.MaxValue, GzipDamageAt(diagnostics));
            Assert.NotEqual(long.MaxValue, GzipDamageAt(aheadDiagnostics));
            (frames, diagnostics) = Before(lost, frames, diagnostics);
            (aheadFrames, aheadDiagnostics) = Before(lost, aheadFrames, aheadDiagnostics);
        }

        Assert.Equal(diagnostics, aheadDiagnostics);
        Assert.Equal(frames.Count, aheadFrames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.Equal(frames[i] with { Data = [] }, aheadFrames[i] with { Data = [] });
            Assert.Equal(frames[i].Data, aheadFrames[i].Data);
        }

        return (plainFrames, plainDiagnostics);
    }

    private static long GzipDamageAt(List<InputDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Message.Contains("damaged gzip data", StringComparison.Ordinal)).Select(d => d.Offset ?? 0).DefaultIfEmpty(long.MaxValue).Min();

    /// <summary>The frames that end before <paramref name="offset"/>, and the diagnostics about bytes before it that are not the end of the data itself.</summary>
    private static (List<ReadFrame>, List<InputDiagnostic>) Before(long offset, List<ReadFrame> frames, List<InputDiagnostic> diagnostics) =>
        ([.. frames.Where(f => f.FileOffset + f.Data.Length + 16 <= offset)],
         [.. diagnostics.Where(d => (d.Offset ?? 0) + 16 <= offset && !d.Message.Contains("damaged gzip data", StringComparison.Ordinal) && !d.Message.Contains("cut short at end of file", StringComparison.Ordinal))]);

    internal static (List<ReadFrame> Frames, List<InputDiagnostic> Diagnostics) Read(Stream stream, string name, AnalysisLimits? limits, ReadAheadOptions? readAhead)
    {
        var diagnostics = new List<InputDiagnostic>();
        using CaptureReader reader = CaptureReader.Open(stream, name, limits, diagnostics.Add, leaveOpen: false, (_, _) => readAhead);
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

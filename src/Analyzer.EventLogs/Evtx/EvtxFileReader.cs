using System.Buffers;
using System.Globalization;
using Analyzer.Core;
using Microsoft.Win32.SafeHandles;

namespace Analyzer.EventLogs.Evtx;

/// <summary>
/// Reads an EVTX file: the file header, then every 64 KiB chunk. Chunks are independent (names
/// and templates are chunk-relative), so they are read in parallel and their records joined in
/// file order. A damaged chunk is skipped with a warning naming its offset.
/// </summary>
internal static class EvtxFileReader
{
    /// <summary>Files with fewer chunks are read on one thread: starting workers would cost more than it saves.</summary>
    private const int ParallelThreshold = 4;

    public static void Read(AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        using SafeFileHandle file = File.OpenHandle(input.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.RandomAccess);
        long length = RandomAccess.GetLength(file);
        byte[] headerBytes = new byte[Math.Min(EvtxFileHeader.Size, length)];
        RandomAccess.Read(file, headerBytes, 0);
        if (!EvtxFileHeader.TryRead(headerBytes, out EvtxFileHeader header, out ParseError error))
        {
            throw new EventLogReadException(input.DisplayName, error.Offset, error.Detail);
        }

        if (!header.ChecksumMatches)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, 124, null,
                "EVTX file header CRC32 does not match; chunks read anyway", DiagnosticSeverity.Info));
        }

        // A file cut short (an upload or copy that stopped) ends inside its last chunk: that part is
        // read too, up to its last whole record.
        long chunkBytes = Math.Max(0, length - EvtxFileHeader.Size);
        int chunkCount = (int)((chunkBytes + EvtxFileHeader.ChunkSize - 1) / EvtxFileHeader.ChunkSize);
        if (chunkCount == 0)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, EvtxFileHeader.Size, null, "EVTX file holds no chunk"));
            return;
        }

        var perChunk = new ChunkResult[chunkCount];
        void ReadOne(int index, byte[] buffer)
        {
            long offset = EvtxFileHeader.Size + ((long)index * EvtxFileHeader.ChunkSize);
            int read = RandomAccess.Read(file, buffer.AsSpan(0, EvtxFileHeader.ChunkSize), offset);
            var chunkResult = new ChunkResult();
            perChunk[index] = chunkResult;
            ReadOnlySpan<byte> chunk = buffer.AsSpan(0, read);

            // Chunks past the header's count are unused space unless they carry a chunk signature
            // (a dirty log whose header was not updated); unused space is not an error.
            if (index >= header.ChunkCount && !EvtxChunkReader.HasSignature(chunk))
            {
                return;
            }

            EvtxChunkReader.Read(chunk, offset, input, limits, chunkResult.Records, chunkResult.Diagnostics);
        }

        if (chunkCount < ParallelThreshold)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(EvtxFileHeader.ChunkSize);
            try
            {
                for (int i = 0; i < chunkCount; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    ReadOne(i, buffer);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else
        {
            Parallel.For(0, chunkCount, new ParallelOptions { CancellationToken = ct },
                () => ArrayPool<byte>.Shared.Rent(EvtxFileHeader.ChunkSize),
                (index, _, buffer) =>
                {
                    ReadOne(index, buffer);
                    return buffer;
                },
                buffer => ArrayPool<byte>.Shared.Return(buffer));
        }

        bool stringCutListed = false;
        foreach (ChunkResult chunkResult in perChunk)
        {
            foreach (InputDiagnostic diagnostic in chunkResult.Diagnostics)
            {
                // Each chunk reports its first cut string; the file lists only the first of all.
                if (StringLimit.IsNotice(diagnostic))
                {
                    if (stringCutListed)
                    {
                        continue;
                    }

                    stringCutListed = true;
                }

                result.Diagnostics.Add(diagnostic);
            }

            foreach (EventRecord record in chunkResult.Records)
            {
                if (result.Records.Count >= limits.MaxEventRecords)
                {
                    result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, record.FileOffset, record.RecordId,
                        string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxEventRecords} event records; the rest were not read"),
                        DiagnosticSeverity.Warning));
                    return;
                }

                result.Records.Add(record);
            }
        }
    }

    private sealed class ChunkResult
    {
        public List<EventRecord> Records { get; } = [];

        public List<InputDiagnostic> Diagnostics { get; } = [];
    }
}

using Analyzer.Capture.IO;

namespace Analyzer.Capture.Tests;

public sealed class ReadAheadStreamTests
{
    [Fact]
    public void Bytes_come_out_in_order_across_many_chunks()
    {
        byte[] data = new byte[(3 << 20) + 12345];
        new Random(4).NextBytes(data);
        using var stream = new ReadAheadStream(new MemoryStream(data), chunkSize: 64 * 1024, chunkCount: 3);
        using var copy = new MemoryStream();

        stream.CopyTo(copy, 10_000);

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(0, stream.Read(new byte[10], 0, 10));
    }

    [Fact]
    public void A_source_error_surfaces_after_the_bytes_read_before_it()
    {
        using var stream = new ReadAheadStream(new FailingStream(100_000), chunkSize: 4096, chunkCount: 2);
        byte[] buffer = new byte[1000];
        long total = 0;

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }
        });

        Assert.Equal(100_000, total);
        Assert.Equal("damaged", error.Message);
    }

    [Fact]
    public void Disposing_before_the_end_stops_the_reading_thread()
    {
        var stream = new ReadAheadStream(new MemoryStream(new byte[8 << 20]), chunkSize: 4096, chunkCount: 2);
        Assert.Equal(10, stream.Read(new byte[10], 0, 10));
        stream.Dispose();
    }

    /// <summary>Yields zeros up to a point, then fails as damaged gzip data does.</summary>
    private sealed class FailingStream(long failAt) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAt)
            {
                throw new InvalidDataException("damaged");
            }

            int step = (int)Math.Min(count, failAt - _position);
            Array.Clear(buffer, offset, step);
            _position += step;
            return step;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

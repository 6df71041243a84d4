namespace Analyzer.Capture.IO;

/// <summary>A forward-only stream that first replays bytes already read (for sniffing) and then continues with the source.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream source, bool leaveOpen) : ForwardOnlyStream
{
    private int _prefixOffset;

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_prefixOffset < prefix.Length)
        {
            read = Math.Min(buffer.Length, prefix.Length - _prefixOffset);
            prefix.AsSpan(_prefixOffset, read).CopyTo(buffer);
            _prefixOffset += read;
        }
        else
        {
            read = source.Read(buffer);
        }

        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }
}

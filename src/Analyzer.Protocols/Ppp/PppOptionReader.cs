using Analyzer.Core;

namespace Analyzer.Protocols.Ppp;

/// <summary>
/// Walks the options of a Configure-Request/Ack/Nak/Reject (RFC 1661 §5.1–5.4). Each option is read
/// inside its own length; a length below two or past the end stops the walk with an error.
/// </summary>
public ref struct PppOptionReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;

    public PppOptionReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
    }

    public bool TryReadOption(out PppOption option, out ParseError error)
    {
        option = default;
        error = default;
        if (_offset >= _data.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = _data[_offset..];
        if (rest.Length < 2)
        {
            error = ParseError.Truncated(_offset, 2, rest.Length);
            _offset = _data.Length;
            return false;
        }

        int length = rest[1];
        if (length < 2 || length > rest.Length)
        {
            error = ParseError.BadLength(_offset + 1, length, rest.Length);
            _offset = _data.Length;
            return false;
        }

        option = new PppOption(rest[0], rest[2..length], _offset);
        _offset += length;
        return true;
    }
}

using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.L2tp;

/// <summary>
/// Walks the AVPs of a control message (RFC 2661 §4.1):
/// <code>
/// |M|H| rsvd  |      Length       |           Vendor ID           |
/// |         Attribute Type        |        Attribute Value...     |
/// </code>
/// Each AVP is read inside its own Length, so a bad one cannot read its neighbour; a length below
/// six or past the end stops the walk with an error at the length field.
/// </summary>
public ref struct L2tpAvpReader
{
    public const int AvpHeaderLength = 6;
    private readonly ReadOnlySpan<byte> _body;
    private readonly int _baseOffset;
    private int _offset;

    /// <param name="body">The bytes after the L2TP header, up to the header's Length.</param>
    /// <param name="baseOffset">Where <paramref name="body"/> starts in the L2TP message, so offsets are message offsets.</param>
    public L2tpAvpReader(ReadOnlySpan<byte> body, int baseOffset)
    {
        _body = body;
        _baseOffset = baseOffset;
        _offset = 0;
    }

    public readonly bool AtEnd => _offset >= _body.Length;

    public bool TryReadAvp(out L2tpAvp avp, out ParseError error)
    {
        avp = default;
        error = default;
        if (_offset >= _body.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = _body[_offset..];
        int at = _baseOffset + _offset;
        if (rest.Length < AvpHeaderLength)
        {
            error = ParseError.Truncated(at, AvpHeaderLength, rest.Length);
            _offset = _body.Length;
            return false;
        }

        ushort first = BinaryPrimitives.ReadUInt16BigEndian(rest);
        int length = first & 0x03FF;
        if (length < AvpHeaderLength || length > rest.Length)
        {
            error = ParseError.BadLength(at, length, rest.Length);
            _offset = _body.Length;
            return false;
        }

        avp = new L2tpAvp(
            (first & 0x8000) != 0,
            (first & 0x4000) != 0,
            BinaryPrimitives.ReadUInt16BigEndian(rest[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(rest[4..]),
            rest[AvpHeaderLength..length],
            at);
        _offset += length;
        return true;
    }
}

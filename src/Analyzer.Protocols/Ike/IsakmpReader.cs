using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike;

/// <summary>
/// Reads an ISAKMP/IKE header and walks its next-payload chain (RFC 2408 §3.1–3.2, RFC 7296 §3.1–3.2).
/// Never throws on input: a broken chain stops with a <see cref="ParseError"/> whose offset is
/// relative to the span the reader was built over (plus the base offset it was given).
/// </summary>
public ref struct IsakmpReader
{
    public const int HeaderLength = 28;
    public const int GenericPayloadHeaderLength = 4;
    private const int NextPayloadOffset = 16;
    private const int VersionOffset = 17;
    private const int ExchangeOffset = 18;
    private const int FlagsOffset = 19;
    private const int MessageIdOffset = 20;
    private const int LengthOffset = 24;

    private readonly ReadOnlySpan<byte> _chain;
    private readonly int _base;
    private readonly bool _v2;
    private int _offset;
    private PayloadType _next;

    private IsakmpReader(ReadOnlySpan<byte> chain, PayloadType first, bool v2, int baseOffset)
    {
        _chain = chain;
        _next = first;
        _v2 = v2;
        _base = baseOffset;
        _offset = 0;
        InnerFirstPayload = PayloadType.None;
    }

    /// <summary>Offset of the next unread byte, relative to the reader's origin.</summary>
    public readonly int Offset => _base + _offset;

    /// <summary>Bytes of the chain not yet consumed (after the chain ended: extra data).</summary>
    public readonly int Remaining => _chain.Length - _offset;

    /// <summary>The payload type announced next; <see cref="PayloadType.None"/> once the chain ended.</summary>
    public readonly PayloadType Pending => _next;

    /// <summary>IKEv2: the first payload inside the SK/SKF payload that ended the clear chain.</summary>
    public PayloadType InnerFirstPayload { get; private set; }

    /// <summary>Reads the fixed header. The message may be longer (trailing bytes) or shorter (snaplen) than its length field says; the caller decides.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> message, out IsakmpHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (message.Length < HeaderLength)
        {
            error = ParseError.Truncated(0, HeaderLength, message.Length);
            return false;
        }

        byte version = message[VersionOffset];
        header = new IsakmpHeader(
            BinaryPrimitives.ReadUInt64BigEndian(message),
            BinaryPrimitives.ReadUInt64BigEndian(message[8..]),
            (PayloadType)message[NextPayloadOffset],
            (byte)(version >> 4),
            (byte)(version & 0x0F),
            (ExchangeType)message[ExchangeOffset],
            (IsakmpFlags)message[FlagsOffset],
            BinaryPrimitives.ReadUInt32BigEndian(message[MessageIdOffset..]),
            BinaryPrimitives.ReadUInt32BigEndian(message[LengthOffset..]));
        if (header.Length < HeaderLength)
        {
            error = ParseError.BadLength(LengthOffset, header.Length, message.Length);
            return false;
        }

        return true;
    }

    /// <summary>A reader over the payloads of a whole message, bounded by its length field and by what was captured.</summary>
    public static IsakmpReader ForMessage(ReadOnlySpan<byte> message, in IsakmpHeader header)
    {
        int end = (int)Math.Min(header.Length, (uint)message.Length);
        ReadOnlySpan<byte> chain = end > HeaderLength ? message[HeaderLength..end] : [];
        PayloadType first = header.IsEncrypted ? PayloadType.None : header.FirstPayload;
        return new IsakmpReader(chain, first, header.IsV2, HeaderLength);
    }

    /// <summary>A reader over a bare chain, such as a decrypted IKEv1 body.</summary>
    public static IsakmpReader ForChain(ReadOnlySpan<byte> chain, PayloadType first, bool v2, int baseOffset) =>
        new(chain, first, v2, baseOffset);

    /// <summary>
    /// The next payload, or false at the end of the chain (error not set) or on a broken chain
    /// (error set; the chain is then over).
    /// </summary>
    public bool TryReadPayload(out IsakmpPayload payload, out ParseError error)
    {
        payload = default;
        error = default;
        if (_next == PayloadType.None)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = _chain[_offset..];
        if (rest.Length < GenericPayloadHeaderLength)
        {
            error = ParseError.Truncated(Offset, GenericPayloadHeaderLength, rest.Length);
            _next = PayloadType.None;
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
        if (length < GenericPayloadHeaderLength || length > rest.Length)
        {
            error = ParseError.BadLength(Offset + 2, length, rest.Length);
            _next = PayloadType.None;
            return false;
        }

        PayloadType type = _next;
        byte next = rest[0];
        payload = new IsakmpPayload(type, next, (rest[1] & 0x80) != 0, rest[GenericPayloadHeaderLength..length], Offset);
        _offset += length;

        // RFC 7296 §3.14: SK is the last clear payload; its next-payload names the first one inside.
        if (_v2 && type is PayloadType.V2Encrypted or PayloadType.V2EncryptedFragment)
        {
            InnerFirstPayload = (PayloadType)next;
            _next = PayloadType.None;
        }
        else
        {
            _next = (PayloadType)next;
        }

        return true;
    }
}

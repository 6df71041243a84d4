using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// Reads a run of data attributes (RFC 2408 §3.3; the same layout in RFC 7296 §3.3.5 and the
/// mode-config attributes): AF=1 → 2-byte value inline (TV), AF=0 → 2-byte length then value (TLV).
/// </summary>
public static class AttributeReader
{
    private const int AttributeHeaderLength = 4;

    /// <summary>
    /// Attributes read from one run (one transform): a structural bound of the parser. Past it the
    /// run fails with <see cref="ParseErrorKind.LimitReached"/>.
    /// </summary>
    public const int MaxAttributes = 256;

    public static bool TryReadAll(ReadOnlySpan<byte> span, int baseOffset, List<SaAttribute> into, out ParseError error)
    {
        error = default;
        int offset = 0;
        while (offset < span.Length)
        {
            ReadOnlySpan<byte> rest = span[offset..];
            if (rest.Length < AttributeHeaderLength)
            {
                error = ParseError.Truncated(baseOffset + offset, AttributeHeaderLength, rest.Length);
                return false;
            }

            if (into.Count >= MaxAttributes)
            {
                error = new ParseError(ParseErrorKind.LimitReached, baseOffset + offset, string.Create(CultureInfo.InvariantCulture, $"more than {MaxAttributes} attributes"));
                return false;
            }

            ushort word = BinaryPrimitives.ReadUInt16BigEndian(rest);
            ushort type = (ushort)(word & 0x7FFF);
            ushort second = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            if ((word & 0x8000) != 0)
            {
                into.Add(new SaAttribute(type, second, null));
                offset += AttributeHeaderLength;
                continue;
            }

            if (second > rest.Length - AttributeHeaderLength)
            {
                error = ParseError.BadLength(baseOffset + offset + 2, second, rest.Length - AttributeHeaderLength);
                return false;
            }

            ReadOnlySpan<byte> value = rest.Slice(AttributeHeaderLength, second);
            into.Add(value.Length is > 0 and <= 8
                ? new SaAttribute(type, (long)ReadVariable(value), null)
                : new SaAttribute(type, null, value.ToArray()));
            offset += AttributeHeaderLength + second;
        }

        return true;
    }

    private static ulong ReadVariable(ReadOnlySpan<byte> value)
    {
        ulong result = 0;
        foreach (byte b in value)
        {
            result = (result << 8) | b;
        }

        return result;
    }
}

using System.Buffers;
using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.EventLogs.Xml;

namespace Analyzer.EventLogs.Evtx;

/// <summary>
/// Walks EVTX binary XML inside one chunk and feeds the element stream to an <see cref="EventXmlBuilder"/>.
/// Names, template definitions and nested binary XML values are all addressed by chunk-relative
/// offsets, so the reader holds the whole chunk. Every token advances the cursor; every length is
/// checked against the chunk; nesting (elements, templates, nested binary XML) is bounded.
/// </summary>
internal ref struct BinXmlReader
{
    private const int ChunkHeaderEnd = 512;
    private const int TemplateDefinitionHeader = 24; // next offset (4), GUID (16), data size (4)
    private const int NameHeader = 8;                // next offset (4), hash (2), character count (2)

    private readonly ReadOnlySpan<byte> _chunk;
    private readonly EventXmlBuilder _builder;
    private readonly Dictionary<int, string> _names;
    private readonly int _maxDepth;
    private ParseError _error;

    public BinXmlReader(ReadOnlySpan<byte> chunk, EventXmlBuilder builder, Dictionary<int, string> names, int maxDepth)
    {
        _chunk = chunk;
        _builder = builder;
        _names = names;
        _maxDepth = maxDepth;
        _error = default;
    }

    /// <summary>Reads one record's event: the binary XML between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public bool TryReadEvent(int start, int end, out ParseError error)
    {
        int position = start;
        bool ok = ReadTokens(ref position, end, [], 0, insideElement: false);
        error = _error;
        return ok;
    }

    private bool Fail(ParseError error)
    {
        _error = error;
        return false;
    }

    private bool Need(int position, int count, int end) =>
        position >= 0 && count >= 0 && position <= end - count
        || Fail(ParseError.Truncated(position, count, Math.Max(0, end - position)));

    private bool ReadTokens(ref int position, int end, ReadOnlySpan<BinXmlValueRef> values, int depth, bool insideElement)
    {
        if (depth > _maxDepth)
        {
            return Fail(new ParseError(ParseErrorKind.LimitReached, position, "binary XML nesting deeper than the limit"));
        }

        while (position < end)
        {
            byte token = _chunk[position];
            switch (token & ~BinXmlToken.MoreBit)
            {
                case BinXmlToken.EndOfStream:
                    position++;
                    return true;
                case BinXmlToken.FragmentHeader:
                    if (!Need(position, 4, end))
                    {
                        return false;
                    }

                    position += 4;
                    break;
                case BinXmlToken.TemplateInstance:
                    if (!ReadTemplateInstance(ref position, end, depth))
                    {
                        return false;
                    }

                    break;
                case BinXmlToken.OpenStartElement:
                    if (!ReadElement(ref position, end, values, depth))
                    {
                        return false;
                    }

                    break;
                case BinXmlToken.EndElement:
                    if (!insideElement)
                    {
                        return Fail(ParseError.BadValue(position, "end of element without a start"));
                    }

                    position++;
                    return true;
                case BinXmlToken.Value:
                case BinXmlToken.NormalSubstitution:
                case BinXmlToken.OptionalSubstitution:
                case BinXmlToken.CharRef:
                case BinXmlToken.EntityRef:
                case BinXmlToken.CData:
                    if (!ReadValueToken(ref position, end, values, depth))
                    {
                        return false;
                    }

                    break;
                case BinXmlToken.PiTarget:
                    if (!Need(position, 5, end) || !SkipName(ref position, 1, out _))
                    {
                        return false;
                    }

                    break;
                case BinXmlToken.PiData:
                    if (!Need(position, 3, end))
                    {
                        return false;
                    }

                    int piChars = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[(position + 1)..]);
                    if (!Need(position, 3 + (piChars * 2), end))
                    {
                        return false;
                    }

                    position += 3 + (piChars * 2);
                    break;
                default:
                    return Fail(ParseError.BadValue(position, $"unknown binary XML token 0x{token:X2}"));
            }
        }

        // A fragment may end at its declared size without an end-of-stream token (template bodies do).
        return !insideElement || Fail(ParseError.Truncated(position, 1, 0));
    }

    private bool ReadValueToken(ref int position, int end, ReadOnlySpan<BinXmlValueRef> values, int depth)
    {
        byte kind = (byte)(_chunk[position] & ~BinXmlToken.MoreBit);
        switch (kind)
        {
            case BinXmlToken.Value:
            {
                if (!Need(position, 4, end))
                {
                    return false;
                }

                var type = (BinXmlValueType)_chunk[position + 1];
                int chars = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[(position + 2)..]);
                if (!Need(position + 4, chars * 2, end))
                {
                    return false;
                }

                _builder.AppendValue(type == BinXmlValueType.AnsiString ? type : BinXmlValueType.String, _chunk.Slice(position + 4, chars * 2));
                position += 4 + (chars * 2);
                return true;
            }

            case BinXmlToken.CData:
            {
                if (!Need(position, 3, end))
                {
                    return false;
                }

                int chars = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[(position + 1)..]);
                if (!Need(position + 3, chars * 2, end))
                {
                    return false;
                }

                _builder.AppendValue(BinXmlValueType.String, _chunk.Slice(position + 3, chars * 2));
                position += 3 + (chars * 2);
                return true;
            }

            case BinXmlToken.CharRef:
            {
                if (!Need(position, 3, end))
                {
                    return false;
                }

                char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(_chunk[(position + 1)..]);
                _builder.AppendText([c]);
                position += 3;
                return true;
            }

            case BinXmlToken.EntityRef:
            {
                if (!Need(position, 5, end) || !SkipName(ref position, 1, out string name))
                {
                    return false;
                }

                _builder.AppendText(name switch
                {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "&" + name + ";",
                });
                return true;
            }

            default:
            {
                // Normal or optional substitution: id (2), type (1).
                if (!Need(position, 4, end))
                {
                    return false;
                }

                int id = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[(position + 1)..]);
                bool optional = kind == BinXmlToken.OptionalSubstitution;
                position += 4;
                if (id >= values.Length)
                {
                    if (optional)
                    {
                        _builder.MarkEmptyOptional();
                    }

                    return true; // no value supplied: renders as empty
                }

                BinXmlValueRef value = values[id];
                if (optional && (value.Type == BinXmlValueType.Null || value.Size == 0))
                {
                    _builder.MarkEmptyOptional();
                    return true;
                }

                if (value.Type == BinXmlValueType.BinXml)
                {
                    int nested = value.Offset;
                    return ReadTokens(ref nested, value.Offset + value.Size, [], depth + 1, insideElement: false);
                }

                _builder.AppendValue(value.Type, _chunk.Slice(value.Offset, value.Size));
                return true;
            }
        }
    }

    private bool ReadElement(ref int position, int end, ReadOnlySpan<BinXmlValueRef> values, int depth)
    {
        bool hasAttributes = (_chunk[position] & BinXmlToken.MoreBit) != 0;

        // The 2-byte dependency id is absent in some producers' templates: accept the layout whose
        // name offset is plausible (inline right after the field, or earlier in the chunk).
        int nameField;
        if (PlausibleName(position + 7, end))
        {
            nameField = position + 7;
        }
        else if (PlausibleName(position + 5, end))
        {
            nameField = position + 5;
        }
        else
        {
            return Fail(ParseError.BadValue(position, "element name offset points outside the chunk"));
        }

        position = nameField;
        if (!SkipName(ref position, 0, out string name))
        {
            return false;
        }

        if (hasAttributes)
        {
            if (!Need(position, 4, end))
            {
                return false;
            }

            position += 4; // attribute list size: the attributes are walked token by token
        }

        if (!_builder.StartElement(name))
        {
            return Fail(new ParseError(ParseErrorKind.LimitReached, position, "XML nesting deeper than the limit"));
        }

        while (position < end && (_chunk[position] & ~BinXmlToken.MoreBit) == BinXmlToken.Attribute)
        {
            if (!Need(position, 5, end) || !SkipName(ref position, 1, out string attributeName))
            {
                return false;
            }

            _builder.StartAttribute(attributeName);
            while (position < end && IsValueToken(_chunk[position]))
            {
                if (!ReadValueToken(ref position, end, values, depth))
                {
                    return false;
                }
            }

            _builder.EndAttribute();
        }

        if (!Need(position, 1, end))
        {
            return false;
        }

        switch (_chunk[position])
        {
            case BinXmlToken.CloseEmptyElement:
                position++;
                _builder.EndElement();
                return true;
            case BinXmlToken.CloseStartElement:
                position++;
                if (!ReadTokens(ref position, end, values, depth + 1, insideElement: true))
                {
                    return false;
                }

                _builder.EndElement();
                return true;
            default:
                return Fail(ParseError.BadValue(position, $"expected the end of a start element, found token 0x{_chunk[position]:X2}"));
        }
    }

    private static bool IsValueToken(byte token)
    {
        int kind = token & ~BinXmlToken.MoreBit;
        return kind is BinXmlToken.Value or BinXmlToken.NormalSubstitution or BinXmlToken.OptionalSubstitution
            or BinXmlToken.CharRef or BinXmlToken.EntityRef or BinXmlToken.CData;
    }

    private readonly bool PlausibleName(int field, int end)
    {
        if (field + 4 > end || field + 4 > _chunk.Length)
        {
            return false;
        }

        int offset = BinaryPrimitives.ReadInt32LittleEndian(_chunk[field..]);
        if (offset == field + 4)
        {
            return true;
        }

        return offset >= ChunkHeaderEnd && offset < field && offset + NameHeader <= _chunk.Length;
    }

    /// <summary>Reads the name offset at <paramref name="position"/> + <paramref name="skip"/>, resolves it, and steps over an inline name.</summary>
    private bool SkipName(ref int position, int skip, out string name)
    {
        name = string.Empty;
        int field = position + skip;
        if (field + 4 > _chunk.Length)
        {
            return Fail(ParseError.Truncated(field, 4, _chunk.Length - field));
        }

        int offset = BinaryPrimitives.ReadInt32LittleEndian(_chunk[field..]);
        position = field + 4;
        if (!TryResolveName(offset, out name, out int nameLength))
        {
            return false;
        }

        if (offset == position)
        {
            position += nameLength;
        }

        return true;
    }

    private bool TryResolveName(int offset, out string name, out int length)
    {
        length = 0;
        name = string.Empty;
        if (offset < 0 || offset > _chunk.Length - NameHeader)
        {
            return Fail(ParseError.BadValue(offset, "name offset outside the chunk"));
        }

        int chars = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[(offset + 6)..]);
        length = NameHeader + (chars * 2) + 2;
        if (offset + length > _chunk.Length)
        {
            return Fail(ParseError.BadLength(offset + 6, chars, (_chunk.Length - offset - NameHeader) / 2));
        }

        if (!_names.TryGetValue(offset, out string? cached))
        {
            cached = System.Text.Encoding.Unicode.GetString(_chunk.Slice(offset + NameHeader, chars * 2));
            _names[offset] = cached;
        }

        name = cached;
        return true;
    }

    private bool ReadTemplateInstance(ref int position, int end, int depth)
    {
        // token (1), unknown (1), template id (4), definition offset (4)
        if (!Need(position, 10, end))
        {
            return false;
        }

        int definition = BinaryPrimitives.ReadInt32LittleEndian(_chunk[(position + 6)..]);
        position += 10;
        if (definition < ChunkHeaderEnd || definition > _chunk.Length - TemplateDefinitionHeader)
        {
            return Fail(ParseError.BadValue(position - 4, "template definition offset outside the chunk"));
        }

        int bodySize = BinaryPrimitives.ReadInt32LittleEndian(_chunk[(definition + 20)..]);
        int body = definition + TemplateDefinitionHeader;
        if (bodySize < 0 || bodySize > _chunk.Length - body)
        {
            return Fail(ParseError.BadLength(definition + 20, bodySize, _chunk.Length - body));
        }

        if (definition == position)
        {
            position = body + bodySize; // the definition is inline: the instance data follows it
        }

        if (!Need(position, 4, end))
        {
            return false;
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(_chunk[position..]);
        position += 4;
        if (count < 0 || count > (end - position) / 4)
        {
            return Fail(ParseError.BadLength(position - 4, count, (end - position) / 4));
        }

        BinXmlValueRef[] rented = ArrayPool<BinXmlValueRef>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int valueOffset = position + (count * 4);
            for (int i = 0; i < count; i++)
            {
                int size = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[(position + (i * 4))..]);
                var type = (BinXmlValueType)_chunk[position + (i * 4) + 2];
                if (valueOffset + size > end)
                {
                    return Fail(ParseError.BadLength(position + (i * 4), size, end - valueOffset));
                }

                rented[i] = new BinXmlValueRef(valueOffset, size, type);
                valueOffset += size;
            }

            position = valueOffset;
            int cursor = body;
            return ReadTokens(ref cursor, body + bodySize, rented.AsSpan(0, count), depth + 1, insideElement: false);
        }
        finally
        {
            ArrayPool<BinXmlValueRef>.Shared.Return(rented);
        }
    }
}

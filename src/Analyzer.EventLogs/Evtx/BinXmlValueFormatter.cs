using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Analyzer.EventLogs.Evtx;

/// <summary>
/// Renders one binary XML value as the text Windows (and evtxexport) shows for it: decimal integers,
/// 0x-prefixed hex integers, upper-case hex binary, braced GUIDs, S-1-... SIDs, ISO 8601 times.
/// </summary>
internal static class BinXmlValueFormatter
{
    private const long FileTimeUnixEpoch = 116_444_736_000_000_000;

    /// <summary>DateTime ticks (from year 1) at 1601-01-01, where FILETIME counts from.</summary>
    private const long FileTimeTicksAt1601 = 504_911_232_000_000_000;

    /// <summary>Appends the rendered value; arrays become their items separated by ", ".</summary>
    public static void Append(StringBuilder text, BinXmlValueType type, ReadOnlySpan<byte> value)
    {
        if ((type & BinXmlValueType.ArrayFlag) != 0)
        {
            AppendArray(text, type & ~BinXmlValueType.ArrayFlag, value);
            return;
        }

        switch (type)
        {
            case BinXmlValueType.Null:
                return;
            case BinXmlValueType.String:
                AppendUtf16(text, value);
                return;
            case BinXmlValueType.AnsiString:
                string ansi = Encoding.Latin1.GetString(value);
                text.Append(ansi.AsSpan().TrimEnd('\0'));
                return;
            case BinXmlValueType.Int8 when value.Length >= 1:
                text.Append((sbyte)value[0]);
                return;
            case BinXmlValueType.UInt8 when value.Length >= 1:
                text.Append(value[0]);
                return;
            case BinXmlValueType.Int16 when value.Length >= 2:
                text.Append(BinaryPrimitives.ReadInt16LittleEndian(value));
                return;
            case BinXmlValueType.UInt16 when value.Length >= 2:
                text.Append(BinaryPrimitives.ReadUInt16LittleEndian(value));
                return;
            case BinXmlValueType.Int32 when value.Length >= 4:
                text.Append(BinaryPrimitives.ReadInt32LittleEndian(value));
                return;
            case BinXmlValueType.UInt32 when value.Length >= 4:
                text.Append(BinaryPrimitives.ReadUInt32LittleEndian(value));
                return;
            case BinXmlValueType.Int64 when value.Length >= 8:
                text.Append(BinaryPrimitives.ReadInt64LittleEndian(value));
                return;
            case BinXmlValueType.UInt64 when value.Length >= 8:
                text.Append(BinaryPrimitives.ReadUInt64LittleEndian(value));
                return;
            case BinXmlValueType.Real32 when value.Length >= 4:
                text.Append(BinaryPrimitives.ReadSingleLittleEndian(value).ToString("R", CultureInfo.InvariantCulture));
                return;
            case BinXmlValueType.Real64 when value.Length >= 8:
                text.Append(BinaryPrimitives.ReadDoubleLittleEndian(value).ToString("R", CultureInfo.InvariantCulture));
                return;
            case BinXmlValueType.Bool when value.Length >= 1:
                text.Append(IsNonZero(value) ? "true" : "false");
                return;
            case BinXmlValueType.Guid when value.Length >= 16:
                AppendGuid(text, value);
                return;
            case BinXmlValueType.SizeT when value.Length == 4:
            case BinXmlValueType.HexInt32 when value.Length >= 4:
                text.Append(CultureInfo.InvariantCulture, $"0x{BinaryPrimitives.ReadUInt32LittleEndian(value):x8}");
                return;
            case BinXmlValueType.SizeT when value.Length >= 8:
            case BinXmlValueType.HexInt64 when value.Length >= 8:
                text.Append(CultureInfo.InvariantCulture, $"0x{BinaryPrimitives.ReadUInt64LittleEndian(value):x16}");
                return;
            case BinXmlValueType.FileTime when value.Length >= 8:
                AppendFileTime(text, BinaryPrimitives.ReadInt64LittleEndian(value));
                return;
            case BinXmlValueType.SystemTime when value.Length >= 16:
                AppendSystemTime(text, value);
                return;
            case BinXmlValueType.Sid:
                AppendSid(text, value);
                return;
            default:
                // Binary, handles and anything short or unknown: the bytes in upper-case hex, as Windows renders binary data.
                AppendHex(text, value);
                return;
        }
    }

    public static string ToText(BinXmlValueType type, ReadOnlySpan<byte> value)
    {
        var text = new StringBuilder();
        Append(text, type, value);
        return text.ToString();
    }

    /// <summary>FILETIME (100 ns since 1601) as a timestamp; false for 0 ("not set") and times a Unix-nanosecond count cannot hold (before 1678, after 2262).</summary>
    public static bool TryFileTimeToTimestamp(long fileTime, out Analyzer.Core.Timestamp time)
    {
        time = default;
        long ticks = fileTime - FileTimeUnixEpoch;
        if (fileTime <= 0 || ticks < long.MinValue / 100 || ticks > long.MaxValue / 100)
        {
            return false;
        }

        time = new Analyzer.Core.Timestamp(ticks * 100, 7);
        return true;
    }

    /// <summary>The items of an array value, each rendered on its own (string arrays are NUL-separated).</summary>
    public static List<string> Items(BinXmlValueType type, ReadOnlySpan<byte> value)
    {
        var items = new List<string>();
        var text = new StringBuilder();
        AppendArray(text, type & ~BinXmlValueType.ArrayFlag, value, items);
        return items;
    }

    private static bool IsNonZero(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (b != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendUtf16(StringBuilder text, ReadOnlySpan<byte> value)
    {
        int chars = value.Length / 2;
        Span<char> buffer = chars <= 256 ? stackalloc char[chars] : new char[chars];
        for (int i = 0; i < chars; i++)
        {
            buffer[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(value[(i * 2)..]);
        }

        text.Append(buffer.TrimEnd('\0'));
    }

    private static void AppendGuid(StringBuilder text, ReadOnlySpan<byte> value)
    {
        var guid = new Guid(value[..16]);
        text.Append('{').Append(guid.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant()).Append('}');
    }

    internal static void AppendFileTime(StringBuilder text, long fileTime)
    {
        if (fileTime < 0 || fileTime > DateTime.MaxValue.Ticks - FileTimeTicksAt1601)
        {
            text.Append(CultureInfo.InvariantCulture, $"0x{fileTime:x16}");
            return;
        }

        var time = new DateTime(fileTime + FileTimeTicksAt1601, DateTimeKind.Utc);
        text.Append(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture)).Append("00Z");
    }

    private static void AppendSystemTime(StringBuilder text, ReadOnlySpan<byte> value)
    {
        int year = BinaryPrimitives.ReadUInt16LittleEndian(value);
        int month = BinaryPrimitives.ReadUInt16LittleEndian(value[2..]);
        int day = BinaryPrimitives.ReadUInt16LittleEndian(value[6..]);
        int hour = BinaryPrimitives.ReadUInt16LittleEndian(value[8..]);
        int minute = BinaryPrimitives.ReadUInt16LittleEndian(value[10..]);
        int second = BinaryPrimitives.ReadUInt16LittleEndian(value[12..]);
        int millisecond = BinaryPrimitives.ReadUInt16LittleEndian(value[14..]);
        text.Append(CultureInfo.InvariantCulture,
            $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}.{millisecond:D3}Z");
    }

    private static void AppendSid(StringBuilder text, ReadOnlySpan<byte> value)
    {
        if (value.Length < 8)
        {
            AppendHex(text, value);
            return;
        }

        int subAuthorities = value[1];
        if (value.Length < 8 + (subAuthorities * 4))
        {
            AppendHex(text, value);
            return;
        }

        ulong authority = 0;
        for (int i = 2; i < 8; i++)
        {
            authority = (authority << 8) | value[i];
        }

        text.Append(CultureInfo.InvariantCulture, $"S-{value[0]}-{authority}");
        for (int i = 0; i < subAuthorities; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"-{BinaryPrimitives.ReadUInt32LittleEndian(value[(8 + (i * 4))..])}");
        }
    }

    private static void AppendHex(StringBuilder text, ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            text.Append(CultureInfo.InvariantCulture, $"{b:X2}");
        }
    }

    private static void AppendArray(StringBuilder text, BinXmlValueType itemType, ReadOnlySpan<byte> value, List<string>? items = null)
    {
        int itemSize = itemType switch
        {
            BinXmlValueType.Int8 or BinXmlValueType.UInt8 => 1,
            BinXmlValueType.Int16 or BinXmlValueType.UInt16 => 2,
            BinXmlValueType.Int32 or BinXmlValueType.UInt32 or BinXmlValueType.Real32 or BinXmlValueType.Bool or BinXmlValueType.HexInt32 => 4,
            BinXmlValueType.Int64 or BinXmlValueType.UInt64 or BinXmlValueType.Real64 or BinXmlValueType.FileTime or BinXmlValueType.HexInt64 or BinXmlValueType.SizeT => 8,
            BinXmlValueType.Guid or BinXmlValueType.SystemTime => 16,
            _ => 0,
        };
        bool first = true;
        if (itemType == BinXmlValueType.String)
        {
            // Strings are NUL-terminated one after another.
            int start = 0;
            for (int i = 0; i + 1 < value.Length; i += 2)
            {
                if (value[i] == 0 && value[i + 1] == 0)
                {
                    Item(text, ref first, items, itemType, value[start..i]);
                    start = i + 2;
                }
            }

            if (start < value.Length - 1)
            {
                Item(text, ref first, items, itemType, value[start..]);
            }

            return;
        }

        if (itemSize == 0)
        {
            AppendHex(text, value);
            return;
        }

        for (int offset = 0; offset + itemSize <= value.Length; offset += itemSize)
        {
            Item(text, ref first, items, itemType, value.Slice(offset, itemSize));
        }
    }

    private static void Item(StringBuilder text, ref bool first, List<string>? items, BinXmlValueType itemType, ReadOnlySpan<byte> item)
    {
        if (items is not null)
        {
            var one = new StringBuilder();
            Append(one, itemType, item);
            items.Add(one.ToString());
            return;
        }

        Separator(text, ref first);
        Append(text, itemType, item);
    }

    private static void Separator(StringBuilder text, ref bool first)
    {
        if (!first)
        {
            text.Append(", ");
        }

        first = false;
    }
}

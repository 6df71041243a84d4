using System.Text;

namespace Analyzer.EventLogs.Xml;

/// <summary>
/// Chooses the encoding of an XML export the way an XML parser does (byte-order mark, else the
/// pattern of the first '&lt;', else the declaration's <c>encoding</c>, else UTF-8) and opens a text
/// reader over it. <see cref="System.Xml.XmlReader"/> would do this itself on a stream, but
/// <see cref="XmlMarkupGuard"/> has to sit between the decoded text and the parser. Windows writes
/// UTF-16LE with a BOM (Event Viewer) as often as UTF-8, so both must keep working.
/// </summary>
internal static class XmlTextDecoder
{
    private const int DeclarationWindow = 1024;

    /// <summary>A reader positioned at the stream's current position; <paramref name="unsupported"/> names a declared encoding this runtime lacks (read as UTF-8).</summary>
    public static StreamReader Open(Stream stream, out string? unsupported)
    {
        unsupported = null;
        Encoding encoding = Encoding.UTF8;
        if (stream.CanSeek)
        {
            long start = stream.Position;
            Span<byte> head = stackalloc byte[DeclarationWindow];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = start;
            encoding = Detect(head[..read], out unsupported);
        }

        // With a BOM the reader switches to it whatever was chosen here, and skips it.
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
    }

    internal static Encoding Detect(ReadOnlySpan<byte> head, out string? unsupported)
    {
        unsupported = null;
        if (head.Length >= 4)
        {
            // No BOM (a BOM is handled by StreamReader): UTF-32 and UTF-16 show themselves by the zero bytes around '<'.
            uint first = (uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]);
            switch (first)
            {
                case 0x3C000000:
                    return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
                case 0x0000003C:
                    return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
            }

            if (head[0] == '<' && head[1] == 0)
            {
                return Encoding.Unicode;
            }

            if (head[0] == 0 && head[1] == '<')
            {
                return Encoding.BigEndianUnicode;
            }
        }

        string? declared = DeclaredEncoding(head);
        if (declared is null)
        {
            return Encoding.UTF8;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(declared);
        }
        catch (ArgumentException)
        {
            unsupported = declared;
            return Encoding.UTF8;
        }

        // A declaration of UTF-16/32 over single bytes is a mislabelled file: the bytes decide, as they did above.
        return encoding is UnicodeEncoding or UTF32Encoding ? Encoding.UTF8 : encoding;
    }

    /// <summary>The <c>encoding</c> pseudo-attribute of a leading <c>&lt;?xml ...?&gt;</c> in ASCII-compatible bytes.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> head)
    {
        if (head is [0xEF, 0xBB, 0xBF, ..])
        {
            head = head[3..];
        }

        if (!head.StartsWith("<?xml"u8))
        {
            return null;
        }

        int end = head.IndexOf("?>"u8);
        ReadOnlySpan<byte> declaration = end < 0 ? head : head[..end];
        int at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = declaration[(at + "encoding".Length)..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != '=')
        {
            return null;
        }

        rest = rest[1..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || (rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }

        int close = rest[1..].IndexOf(rest[0]);
        return close <= 0 ? null : Encoding.ASCII.GetString(rest.Slice(1, close));
    }
}

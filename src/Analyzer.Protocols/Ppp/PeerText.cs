using System.Text;

namespace Analyzer.Protocols.Ppp;

/// <summary>
/// Text a peer put on the wire (host names, CHAP names, failure messages): decoded as UTF-8 with
/// invalid bytes replaced, cut at a limit. Kept raw otherwise; every output format escapes it.
/// </summary>
public static class PeerText
{
    /// <summary>Appended when the text was longer than the limit.</summary>
    public const string CutMarker = "…";

    public static string Decode(ReadOnlySpan<byte> bytes, int maxLength)
    {
        // Decoding is bounded before it starts: no UTF-8 character needs more than four bytes.
        bool cut = false;
        if (maxLength >= 0 && bytes.Length > maxLength * 4)
        {
            bytes = bytes[..(maxLength * 4)];
            cut = true;
        }

        string text = Encoding.UTF8.GetString(bytes);
        if (maxLength >= 0 && text.Length > maxLength)
        {
            return text[..maxLength] + CutMarker;
        }

        return cut ? text + CutMarker : text;
    }

    /// <summary>Lower-case hex of at most <paramref name="maxBytes"/> bytes, with the cut marked.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes, int maxBytes = 64)
    {
        if (bytes.Length <= maxBytes)
        {
            return Convert.ToHexStringLower(bytes);
        }

        return Convert.ToHexStringLower(bytes[..maxBytes]) + CutMarker;
    }
}

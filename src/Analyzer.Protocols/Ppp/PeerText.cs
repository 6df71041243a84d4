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

    public static string Decode(ReadOnlySpan<byte> bytes, int maxLength) => Decode(bytes, maxLength, out _);

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, int)"/>; <paramref name="cut"/> says the text was longer than the limit, so the caller can warn.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, int maxLength, out bool cut)
    {
        // Decoding is bounded before it starts: no UTF-8 character needs more than four bytes.
        cut = false;
        if (maxLength >= 0 && bytes.Length > maxLength * 4)
        {
            bytes = bytes[..(maxLength * 4)];
            cut = true;
        }

        return CutAndMark(Encoding.UTF8.GetString(bytes), maxLength, ref cut);
    }

    /// <summary>Text already decoded (a hex dump, a distinguished name) cut at the limit and marked, <paramref name="cut"/> set when it was.</summary>
    public static string Cut(string text, int maxLength, out bool cut)
    {
        cut = false;
        return CutAndMark(text, maxLength, ref cut);
    }

    private static string CutAndMark(string text, int maxLength, ref bool cut)
    {
        if (maxLength >= 0 && text.Length > maxLength)
        {
            cut = true;
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

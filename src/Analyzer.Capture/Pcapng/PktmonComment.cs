using System.Globalization;

namespace Analyzer.Capture.Pcapng;

/// <summary>
/// Windows Packet Monitor (<c>pktmon</c>) records one packet at every component it passes (NIC,
/// filter drivers, the switch), and names each record "PktGroupId 1125899906842645, PktNumber 1,
/// Appearance 2, Direction Tx , Type Ethernet , Component 45, Edge 1, Filter 0, OriginalSize 66,
/// LoggedSize 66" (the line <c>pktmon etl2txt</c> prints, carried as the packet comment of its
/// pcapng conversion). The group and the number inside it identify the packet; the appearance and
/// component say where it was seen. Only the key "PktGroupId" is relied on: pktmon translates the
/// other labels on a localised Windows, so the packet number is read as the number of the field
/// that follows, whatever that field is called.
/// </summary>
internal static class PktmonComment
{
    private const string GroupKey = "PktGroupId";

    /// <summary>True when <paramref name="comment"/> is a pktmon record line; <paramref name="packetId"/> joins its group and packet number.</summary>
    public static bool TryReadPacketId(string comment, out ulong packetId)
    {
        packetId = 0;
        int key = comment.IndexOf(GroupKey, StringComparison.Ordinal);
        if (key < 0)
        {
            return false;
        }

        ReadOnlySpan<char> rest = comment.AsSpan(key + GroupKey.Length);
        if (!TryReadNumber(ref rest, out ulong group))
        {
            return false;
        }

        // The next field, after the comma: "PktNumber 1" (or its translation).
        int comma = rest.IndexOf(',');
        ulong number = 0;
        if (comma >= 0)
        {
            rest = rest[(comma + 1)..];
            int nextComma = rest.IndexOf(',');
            ReadOnlySpan<char> field = nextComma >= 0 ? rest[..nextComma] : rest;
            if (!TryReadNumber(ref field, out number))
            {
                number = 0;
            }
        }

        // Distinct (group, number) pairs stay distinct ids; 0 is kept for "no id".
        packetId = (group * 0x9E3779B97F4A7C15UL) ^ number ^ 1UL;
        packetId = packetId == 0 ? 1 : packetId;
        return true;
    }

    /// <summary>Skips what is not a digit, then reads the digits that follow.</summary>
    private static bool TryReadNumber(ref ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        int start = 0;
        while (start < text.Length && !char.IsAsciiDigit(text[start]))
        {
            if (text[start] == ',')
            {
                return false;
            }

            start++;
        }

        int end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end == start || !ulong.TryParse(text[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        text = text[end..];
        return true;
    }
}

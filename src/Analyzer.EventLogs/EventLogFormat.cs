using System.Buffers.Binary;
using System.Text;
using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>
/// Decides what kind of log a file is: content first (signatures, the shape of the first lines),
/// the file name's extension only when the content says nothing.
/// </summary>
public static partial class EventLogFormat
{
    /// <summary>Bytes worth passing to <see cref="Sniff"/>: enough for the first lines of a text log.</summary>
    public const int SniffLength = 4096;

    private const int EvtHeaderSize = 0x30;

    /// <summary>Lines looked at to decide whether a text file is a daemon log.</summary>
    private const int DaemonSniffLines = 12;

    public static InputKind Sniff(ReadOnlySpan<byte> firstBytes, string fileName)
    {
        if (firstBytes.StartsWith("ElfFile\0"u8))
        {
            return InputKind.Evtx;
        }

        if (firstBytes.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(firstBytes) == EvtHeaderSize
            && firstBytes.Slice(4, 4).SequenceEqual("LfLe"u8))
        {
            return InputKind.Evt;
        }

        string text = DecodeStart(firstBytes);
        InputKind byContent = SniffText(text);
        if (byContent != InputKind.Unknown)
        {
            return byContent;
        }

        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".EVTX" => InputKind.Evtx,
            ".EVT" => InputKind.Evt,
            _ => InputKind.Unknown,
        };
    }

    /// <summary>Decodes the sniffed bytes as text, honouring a UTF-8 or UTF-16 byte-order mark.</summary>
    internal static string DecodeStart(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..(bytes.Length & ~1)]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..(bytes.Length & ~1)]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        // UTF-16 without a BOM: every other byte zero in ASCII text.
        if (bytes.Length >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0)
        {
            return Encoding.Unicode.GetString(bytes[..(bytes.Length & ~1)]);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static InputKind SniffText(string text)
    {
        ReadOnlySpan<char> start = text.AsSpan().TrimStart();
        if (start.IsEmpty)
        {
            return InputKind.Unknown;
        }

        if (start.StartsWith("<?xml", StringComparison.Ordinal) || start.StartsWith("<Events", StringComparison.Ordinal)
            || start.StartsWith("<Event ", StringComparison.Ordinal) || start.StartsWith("<Event>", StringComparison.Ordinal))
        {
            return InputKind.EventXml;
        }

        int lineEnd = start.IndexOfAny('\r', '\n');
        ReadOnlySpan<char> firstLine = lineEnd < 0 ? start : start[..lineEnd];
        if (firstLine.StartsWith("\"(PDH-CSV", StringComparison.Ordinal) || firstLine.StartsWith("(PDH-CSV", StringComparison.Ordinal))
        {
            return InputKind.PerformanceCsv;
        }

        ReadOnlySpan<char> rest = lineEnd < 0 ? [] : start[lineEnd..].TrimStart("\r\n");
        int secondEnd = rest.IndexOfAny('\r', '\n');
        if (Csv.EventCsvReader.LooksLikeExport(firstLine, secondEnd < 0 ? rest : rest[..secondEnd]))
        {
            return InputKind.EventCsv;
        }

        return LooksLikeDaemonLog(start) ? InputKind.DaemonLog : InputKind.Unknown;
    }

    /// <summary>
    /// A daemon log is decided by the shape of its lines, not by words it contains (a README or a
    /// daemon's configuration file mentions "charon" too): most of the first lines must be lines the
    /// daemon line parser splits (charon's file logger with any time format, syslog and journal
    /// lines, RFC 5424, JSON journal exports, a daemon's foreground output) or bare messages only a
    /// VPN daemon writes (pppd's own log). A cut last line is not counted.
    /// </summary>
    private static bool LooksLikeDaemonLog(ReadOnlySpan<char> text)
    {
        // A journal JSON export whose first object is longer than the sniffed bytes.
        if (text.StartsWith("{\"", StringComparison.Ordinal)
            && (text.Contains("\"__REALTIME_TIMESTAMP\"", StringComparison.Ordinal) || text.Contains("\"__CURSOR\"", StringComparison.Ordinal)))
        {
            return true;
        }

        // A state snapshot (swanctl --list-sas, ipsec statusall) is mostly free-form lines: its first line decides.
        int firstEnd = text.IndexOfAny('\r', '\n');
        if (firstEnd > 0 && Daemon.DaemonByContent.StartsSnapshot(text[..firstEnd]))
        {
            return true;
        }

        int looked = 0;
        int matched = 0;
        foreach (Range range in text.Split('\n'))
        {
            ReadOnlySpan<char> line = text[range].TrimEnd('\r');
            if (range.End.Value >= text.Length)
            {
                break;
            }

            if (line.IsWhiteSpace() || (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal)))
            {
                continue;
            }

            looked++;
            if (Daemon.DaemonLineParser.IsDaemonShaped(line.ToString()))
            {
                matched++;
            }

            if (looked == DaemonSniffLines)
            {
                break;
            }
        }

        return matched > 0 && matched * 5 >= looked * 3;
    }
}

using System.Text;
using Analyzer.Capture;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Protocols.Keys;

namespace Analyzer.Pipeline.Inputs;

/// <summary>Decides what a file is from its first bytes (through gzip), falling back to its name.</summary>
public static class InputSniffer
{
    private const int SniffBytes = CaptureFormat.SniffLength;

    public static InputKind Sniff(string path)
    {
        // CaptureFormat looks through gzip itself; logs are read uncompressed only.
        byte[] head = ReadHead(path);
        InputKind capture = CaptureFormat.Sniff(head);
        if (capture != InputKind.Unknown)
        {
            return capture;
        }

        if (KeyFiles.Sniff(head) is KeyFileFormat.Ikev1Table or KeyFileFormat.Ikev2Table or KeyFileFormat.EspSaTable or KeyFileFormat.XfrmState)
        {
            // A charon log with keys stays a daemon log: its events are read, and its keys too (CaseBuilder).
            return InputKind.IkeKeys;
        }

        return EventLogFormat.Sniff(head, Path.GetFileName(path));
    }

    public static bool IsZip(string path)
    {
        byte[] head = ReadHead(path);
        return head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>
    /// Wireshark's IKEv1 decryption table: lines of <c>initiator-cookie,encryption-key</c> in hex,
    /// quotes allowed. The first meaningful line decides.
    /// </summary>
    internal static bool LooksLikeIkeKeyTable(ReadOnlySpan<byte> head)
    {
        string text = Encoding.ASCII.GetString(head);
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split(',');
            return parts.Length == 2
                && IsHex(parts[0].Trim().Trim('"'), 16, 16)
                && IsHex(parts[1].Trim().Trim('"'), 16, 64);
        }

        return false;
    }

    private static bool IsHex(string text, int minLength, int maxLength) =>
        text.Length >= minLength && text.Length <= maxLength && text.All(char.IsAsciiHexDigit);

    private static byte[] ReadHead(string path)
    {
        using FileStream stream = File.OpenRead(path);
        byte[] buffer = new byte[SniffBytes];
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }
}

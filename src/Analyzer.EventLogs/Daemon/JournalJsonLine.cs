using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// One JSON object per line: <c>journalctl -o json</c> (<c>__REALTIME_TIMESTAMP</c> in microseconds,
/// <c>_HOSTNAME</c>, <c>SYSLOG_IDENTIFIER</c>/<c>_COMM</c>, <c>_PID</c>, <c>MESSAGE</c> as a string or,
/// when not UTF-8, an array of bytes; charon-systemd adds <c>THREAD</c>, <c>GROUP</c>, <c>LEVEL</c>,
/// <c>IKE_SA_UNIQUE_ID</c>, <c>IKE_SA_NAME</c>), and charon's own JSON file logger
/// (<c>{"time":…,"thread":5,"group":"IKE","level":1,"ikesa-uniqueid":"1","ikesa-name":…,"msg":…}</c>).
/// </summary>
internal static class JournalJsonLine
{
    public static bool TryParse(string line, out DaemonLine parsed)
    {
        parsed = default;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (root.TryGetProperty("msg", out JsonElement msg) && root.TryGetProperty("thread", out _))
            {
                parsed = FromCharonJson(root, msg);
                return true;
            }

            if (!root.TryGetProperty("MESSAGE", out JsonElement message))
            {
                return false;
            }

            parsed = FromJournal(root, message);
            return true;
        }
    }

    private static DaemonLine FromJournal(JsonElement root, JsonElement message)
    {
        string text = MessageText(message);
        string daemon = DaemonLineParser.NormalizeDaemonName(String(root, "SYSLOG_IDENTIFIER") ?? String(root, "_COMM") ?? "unknown");
        string? host = String(root, "_HOSTNAME");
        string? pid = String(root, "SYSLOG_PID") ?? String(root, "_PID");
        PartialTime? time = null;
        if (String(root, "__REALTIME_TIMESTAMP") is string micros && long.TryParse(micros, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            time = new PartialTime(0, 0, 0, 0, 0, 0, 0, 6) { UnixNanoseconds = value * 1000 };
        }

        DaemonLine line;
        if (String(root, "GROUP") is string group)
        {
            // charon-systemd's journal fields: the message has no prefix of its own.
            string? unique = String(root, "IKE_SA_UNIQUE_ID");
            line = new DaemonLine(host, daemon, pid, Pad(String(root, "THREAD")), group, String(root, "IKE_SA_NAME"), unique, text)
            {
                Level = String(root, "LEVEL"),
            };
        }
        else
        {
            line = DaemonLineParser.Split(host, daemon, pid, text);
        }

        return line with { Time = time, Format = DaemonLineFormat.JournalJson, Level = line.Level ?? Severity(String(root, "PRIORITY")) };
    }

    private static DaemonLine FromCharonJson(JsonElement root, JsonElement msg)
    {
        PartialTime? time = null;
        string? timeText = String(root, "time");
        if (timeText is not null && LineTimeReader.TryRead(timeText, out PartialTime read, out int consumed) && consumed >= timeText.Length)
        {
            time = read;
        }

        return new DaemonLine(null, "charon", null, Pad(String(root, "thread")), String(root, "group"), String(root, "ikesa-name"), String(root, "ikesa-uniqueid"), MessageText(msg))
        {
            Time = time,
            TimeText = time is null ? timeText : null,
            Format = DaemonLineFormat.CharonJson,
            Level = String(root, "level"),
        };
    }

    private static string? Pad(string? thread) => thread is { Length: 1 } ? "0" + thread : thread;

    private static string? Severity(string? priority) =>
        priority is { Length: 1 } && priority[0] is >= '0' and <= '7'
            ? EventLevels.Syslog[priority[0] - '0']
            : null;

    private static string MessageText(JsonElement message)
    {
        switch (message.ValueKind)
        {
            case JsonValueKind.String:
                return message.GetString() ?? string.Empty;
            case JsonValueKind.Array:
                // The journal writes a message that is not valid UTF-8 as its bytes.
                var bytes = new List<byte>(message.GetArrayLength());
                foreach (JsonElement item in message.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Number && item.TryGetByte(out byte b))
                    {
                        bytes.Add(b);
                    }
                }

                return Encoding.UTF8.GetString(bytes.ToArray());
            default:
                return string.Empty;
        }
    }

    private static string? String(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}

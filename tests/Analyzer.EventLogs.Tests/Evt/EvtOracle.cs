using System.Globalization;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Evt;

/// <summary>
/// What evtexport (libevt-utils) prints for an EVT file, parsed independently of vpndiag's reader:
/// one block per record ("Event number", "Creation time", "Written time", "Computer name", "Source
/// name", "Event identifier", "String: N") in the order libevt walks the ring.
/// </summary>
internal static class EvtOracle
{
    internal sealed record OracleEvent(long RecordId, int EventId, string? Source, string? Computer, DateTime? Created, DateTime? Written, List<string> Strings);

    private const string TimeFormat = "MMM d, yyyy HH:mm:ss 'UTC'";

    public static List<OracleEvent> Export(string path)
    {
        string tool = ExternalTool.Require("evtexport", "libevt-utils");
        string text = ExternalTool.Run(tool, [path]);
        var events = new List<OracleEvent>();
        Dictionary<string, string>? fields = null;
        List<string>? strings = null;
        foreach (string line in text.Split('\n'))
        {
            // "Name<tabs>: value"; the name itself may hold a colon ("String: 1").
            int colon = line.IndexOf("\t: ", StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            string key = line[..colon].Trim();
            string value = line[(colon + 3)..].TrimEnd('\r');
            if (key == "Event number")
            {
                Flush();
                fields = [];
                strings = [];
            }

            if (fields is null || strings is null)
            {
                continue;
            }

            if (key.StartsWith("String", StringComparison.Ordinal))
            {
                strings.Add(value);
            }
            else
            {
                fields[key] = value;
            }
        }

        Flush();
        return events;

        void Flush()
        {
            if (fields is null || strings is null)
            {
                return;
            }

            // "Event identifier: 0x0000021d (541)": the code is the low 16 bits, as vpndiag reports it.
            string identifier = fields["Event identifier"];
            uint raw = uint.Parse(identifier[2..identifier.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            events.Add(new OracleEvent(
                long.Parse(fields["Event number"], CultureInfo.InvariantCulture),
                (int)(raw & 0xFFFF),
                fields.GetValueOrDefault("Source name"),
                fields.GetValueOrDefault("Computer name"),
                Time(fields.GetValueOrDefault("Creation time")),
                Time(fields.GetValueOrDefault("Written time")),
                strings));
        }
    }

    private static DateTime? Time(string? text) =>
        text is null ? null : DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

using System.Globalization;
using System.Xml.Linq;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Evtx;

/// <summary>
/// What evtxexport (libevtx-utils) prints for a file, parsed independently of vpndiag's readers:
/// XML mode for record ids, event ids, TimeCreated and data values; text mode for the record
/// header's written time (the two modes list events in the same order).
/// </summary>
internal static class EvtxOracle
{
    internal sealed record OracleEvent(long RecordId, int EventId, string? Provider, string? TimeCreated, string? Written, List<KeyValuePair<string, string>> Data);

    /// <summary>Marks a value that evtxexport printed as unescaped markup: only its text content is comparable.</summary>
    public const string Unescaped = "\u0001markup:";

    private static readonly XNamespace Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    public static List<OracleEvent> Export(string path)
    {
        string tool = ExternalTool.Require("evtxexport", "libevtx-utils");
        string xml = ExternalTool.Run(tool, ["-f", "xml", path]);
        string text = ExternalTool.Run(tool, [path]);
        List<string> written = WrittenTimes(text);
        var events = new List<OracleEvent>();
        int index = 0;
        foreach (string block in EventBlocks(xml))
        {
            XElement root = ParseLenient(block);
            XElement system = root.Element(Ns + "System")!;
            var data = new List<KeyValuePair<string, string>>();
            if (root.Element(Ns + "EventData") is XElement eventData)
            {
                int positional = 0;
                foreach (XElement element in eventData.Elements())
                {
                    if (element.Name.LocalName == "Data")
                    {
                        string? name = (string?)element.Attribute("Name");
                        // evtxexport does not escape markup inside string values; compare their text only.
                        string value = element.HasElements ? Unescaped + element.Value : element.Value;
                        data.Add(new(name ?? (positional++).ToString(CultureInfo.InvariantCulture), value));
                    }
                    else if (element.Name.LocalName == "Binary")
                    {
                        data.Add(new("Binary", element.Value));
                    }
                }
            }
            else if (root.Element(Ns + "UserData") is XElement userData)
            {
                foreach (XElement leaf in userData.Descendants())
                {
                    if (!leaf.HasElements && leaf.Parent != userData)
                    {
                        data.Add(new(leaf.Name.LocalName, leaf.Value));
                    }
                }
            }

            events.Add(new OracleEvent(
                long.Parse(system.Element(Ns + "EventRecordID")!.Value, CultureInfo.InvariantCulture),
                int.Parse(system.Element(Ns + "EventID")!.Value, CultureInfo.InvariantCulture),
                (string?)system.Element(Ns + "Provider")?.Attribute("Name"),
                (string?)system.Element(Ns + "TimeCreated")?.Attribute("SystemTime"),
                index < written.Count ? written[index] : null,
                data));
            index++;
        }

        return events;
    }

    /// <summary>evtxexport prints control characters and UserData prefixes without declarations: read past both.</summary>
    private static XElement ParseLenient(string block)
    {
        string cleaned = ReplaceControlCharacters(block);
        string unprefixed = System.Text.RegularExpressions.Regex.Replace(cleaned, @"<(/?)[A-Za-z_][\w.-]*:", "<$1");
        unprefixed = System.Text.RegularExpressions.Regex.Replace(unprefixed, @"\s[A-Za-z_][\w.-]*:([A-Za-z_][\w.-]*=)", " $1");
        var settings = new System.Xml.XmlReaderSettings { CheckCharacters = false };
        using var reader = System.Xml.XmlReader.Create(new StringReader(unprefixed), settings);
        return XElement.Load(reader);
    }

    /// <summary>Control characters (not allowed in XML 1.0) become '?'; the test does the same to vpndiag's values.</summary>
    public static string ReplaceControlCharacters(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] < 0x20 && chars[i] is not ('\t' or '\n' or '\r'))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    private static IEnumerable<string> EventBlocks(string xml)
    {
        int start = 0;
        while ((start = xml.IndexOf("<Event ", start, StringComparison.Ordinal)) >= 0)
        {
            int end = xml.IndexOf("</Event>", start, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            yield return xml[start..(end + "</Event>".Length)];
            start = end;
        }
    }

    /// <summary>"Written time : Oct 23, 2013 16:22:39.973500000 UTC" → ISO 8601 with 9 digits.</summary>
    private static List<string> WrittenTimes(string text)
    {
        var times = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            if (!line.StartsWith("Written time", StringComparison.Ordinal))
            {
                continue;
            }

            string value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            value = value.Replace(" UTC", string.Empty, StringComparison.Ordinal);
            int dot = value.LastIndexOf('.');
            DateTime whole = DateTime.ParseExact(value[..dot], "MMM d, yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            times.Add(whole.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + value[(dot + 1)..] + "Z");
        }

        return times;
    }
}

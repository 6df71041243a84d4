namespace Analyzer.EventLogs.Csv;

/// <summary>
/// Splits a rendered event message into "Label: value" pairs, keyed "Section/Label" when the line
/// is indented under a section line ("Local Endpoint:" then "Network Address: 192.0.2.1"). Used
/// only for CSV exports, which carry no event data; the values stay raw.
/// </summary>
internal static class MessageLabels
{
    public static List<KeyValuePair<string, string>> Parse(string message)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        string? section = null;
        foreach (string rawLine in message.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue; // sections go on across blank lines (4653 puts State and cookies after one)
            }

            bool indented = line[0] is ' ' or '\t';
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon > 80)
            {
                continue;
            }

            string label = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            if (label.Length == 0 || label.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            if (value.Length == 0)
            {
                if (!indented)
                {
                    section = label;
                }

                continue;
            }

            if (!indented)
            {
                section = null;
            }

            pairs.Add(new(section is null ? label : section + "/" + label, value));
        }

        return pairs;
    }
}

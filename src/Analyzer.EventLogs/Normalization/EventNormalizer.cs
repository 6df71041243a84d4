using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Analyzer.Core;
using Analyzer.EventLogs.Daemon;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// Fills <see cref="EventRecord.Normalized"/> from the event maps: Windows records by provider and
/// event id (values from event data and codes, never from message wording; CSV exports fall back
/// to labelled message lines), daemon lines by the first matching message pattern.
/// </summary>
public static class EventNormalizer
{
    private static readonly HashSet<string> Canonical = new(StringComparer.Ordinal)
    {
        "localAddress", "localPort", "remoteAddress", "remotePort", "initiatorCookie", "responderCookie",
        "failurePoint", "failureReason", "connectionName", "userName", "code",
    };

    public static void NormalizeAll(IEnumerable<EventRecord> records, EventMapCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (EventRecord record in records)
        {
            record.Normalized = Normalize(record, catalog);
        }
    }

    public static NormalizedEvent? Normalize(EventRecord record, EventMapCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Without a catalogue given, only the embedded part a record can use is loaded: a record
        // with an event id is looked up in the Windows maps, a log line (id 0) in the daemon maps.
        catalog ??= record.EventId != 0 ? EventMapCatalog.DefaultWindows : EventMapCatalog.DefaultDaemons;
        EventMap? map = record.EventId != 0 ? catalog.Find(record.Provider, record.EventId) : null;
        (EventMap Map, MapPattern Match)[]? entries = null;
        if (map is null && (record.EventId != 0 || record.Message is null || record.Provider is null
                            || !catalog.Daemons.TryGetValue(record.Provider, out entries)))
        {
            return null; // most records of a Windows log: kept, not interpreted, nothing allocated
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is not null)
        {
            ResolveFields(record, map, values);
            ApplyPatterns(record, map, catalog, values);
        }
        else
        {
            map = MatchDaemonLine(record.Message!, entries!, values);
            if (map is null)
            {
                return null;
            }
        }

        Fallback(values, "initiatorCookie", record.GetData(DaemonLogReader.InitiatorSpiKey));
        Fallback(values, "responderCookie", record.GetData(DaemonLogReader.ResponderSpiKey));
        Fallback(values, "connectionName", record.GetData("connection"));
        Fallback(values, "remoteAddress", record.GetData("peer"));   // pluto's context prefix ("conn"[1] PEER #2:)
        Fallback(values, "remotePort", record.GetData("peerPort"));
        Fallback(values, "failureReason", map.Reason);

        (long? code, string? meaning) = ResolveCode(record, map, values);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in values)
        {
            if (!Canonical.Contains(key))
            {
                fields[key] = value;
            }
        }

        if (map.Title is not null)
        {
            fields["title"] = map.Title;
        }

        return new NormalizedEvent
        {
            Kind = map.Kind,
            IsFailure = map.Failure,
            Stage = map.Stage,
            Outcome = map.Outcome,
            Signal = DaemonSignals.TryParse(map.Signal, out DaemonSignal signal) ? signal : DaemonSignal.None,
            MatchedBy = map.Match,
            LocalAddress = Address(values, "localAddress"),
            RemoteAddress = Address(values, "remoteAddress"),
            RemoteHost = Address(values, "remoteAddress") is null ? HostName(values.GetValueOrDefault("remoteAddress")) : null,
            LocalPort = Port(values, "localPort"),
            RemotePort = Port(values, "remotePort"),
            InitiatorCookie = Cookie(values, "initiatorCookie"),
            ResponderCookie = Cookie(values, "responderCookie"),
            Code = code,
            CodeMeaning = meaning,
            FailurePoint = Readable(values.GetValueOrDefault("failurePoint")),
            FailureReason = values.GetValueOrDefault("failureReason"),
            ConnectionName = values.GetValueOrDefault("connectionName"),
            UserName = values.GetValueOrDefault("userName"),
            Fields = fields,
        };
    }

    private static void ResolveFields(EventRecord record, EventMap map, Dictionary<string, string> values)
    {
        foreach ((string canonical, List<string> names) in map.Fields)
        {
            foreach (string name in names)
            {
                string? value = record.GetData(name);
                if (IsPresent(value))
                {
                    values[canonical] = value!.Trim();
                    break;
                }
            }
        }
    }

    private static void ApplyPatterns(EventRecord record, EventMap map, EventMapCatalog catalog, Dictionary<string, string> values)
    {
        if (map.Patterns.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (KeyValuePair<string, string> pair in record.Data)
        {
            text.Append(pair.Value).Append('\n');
        }

        text.Append(record.Message);
        string haystack = text.ToString();
        foreach ((string canonical, string pattern) in map.Patterns)
        {
            if (values.ContainsKey(canonical) || (canonical == "code" && map.Code is { } code && HasAny(record, code.From, values)))
            {
                continue;
            }

            Match match = catalog.Patterns[pattern].Match(haystack);
            if (match.Success && match.Groups["v"].Success)
            {
                values[canonical] = match.Groups["v"].Value;
            }
        }
    }

    private static bool HasAny(EventRecord record, List<string> names, Dictionary<string, string> values)
    {
        foreach (string name in names)
        {
            if (values.ContainsKey(name) || IsPresent(record.GetData(name)))
            {
                return true;
            }
        }

        return false;
    }

    private static EventMap? MatchDaemonLine(string message, (EventMap Map, MapPattern Match)[] entries, Dictionary<string, string> values)
    {
        foreach ((EventMap map, MapPattern pattern) in entries)
        {
            Match match = pattern.Match(message);
            if (!match.Success)
            {
                continue;
            }

            foreach (Group group in match.Groups)
            {
                if (!group.Success || group.Length == 0 || char.IsAsciiDigit(group.Name[0]))
                {
                    continue;
                }

                // "remoteAddress2" is an alternative spelling of "remoteAddress" in another branch.
                string name = group.Name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
                string value = group.Value.Trim();
                if (map.Values.TryGetValue(name, out Dictionary<string, string>? wordings) && wordings.TryGetValue(value, out string? canonical))
                {
                    value = canonical;
                }

                values.TryAdd(name, value);
            }

            return map;
        }

        return null;
    }

    private static (long? Code, string? Meaning) ResolveCode(EventRecord record, EventMap map, Dictionary<string, string> values)
    {
        string? raw = values.GetValueOrDefault("code");
        EventMapCode? spec = map.Code;
        if (spec is not null && raw is null)
        {
            foreach (string name in spec.From)
            {
                raw = values.GetValueOrDefault(name) ?? record.GetData(name);
                if (IsPresent(raw))
                {
                    break;
                }
            }
        }

        if (!IsPresent(raw))
        {
            return (null, null);
        }

        string format = spec?.Format ?? "decimal";
        long? code = format switch
        {
            "ike-reason-text" => IkeErrorCodes.FromWindowsText(raw),
            "dword-le-hex" => DwordFromHex(raw!),
            "hex" => long.TryParse(StripHexPrefix(raw!), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long hex) ? hex : null,
            _ => long.TryParse(raw!.Trim().TrimEnd('.'), NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) ? number : null,
        };
        if (code is not long value)
        {
            return (null, null);
        }

        string? meaning = (spec?.Table ?? "ras") switch
        {
            "nps" => NpsReasonCodes.Describe(value),
            _ => WindowsErrors.Meaning(value),
        };
        return (value, meaning);
    }

    /// <summary>Binary data "B3020000" read as a little-endian DWORD: 691.</summary>
    private static long? DwordFromHex(string hex)
    {
        string trimmed = hex.Trim();
        if (trimmed.Length < 8)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[4];
        return Convert.FromHexString(trimmed.AsSpan(0, 8), bytes, out _, out int written) == System.Buffers.OperationStatus.Done && written == 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(bytes)
            : null;
    }

    private static void Fallback(Dictionary<string, string> values, string key, string? value)
    {
        if (!values.ContainsKey(key) && IsPresent(value))
        {
            values[key] = value!;
        }
    }

    /// <summary>Windows writes "-" for an empty field.</summary>
    /// <summary>
    /// A value a reader can show: an XML or CSV export that was not rendered on the machine that
    /// wrote it keeps "%%8199", a reference into the provider's message table (msobjs.dll), which
    /// says nothing to a reader without that table. The raw value stays in the record's fields.
    /// </summary>
    private static string? Readable(string? value) =>
        value is { Length: > 2 } && value.StartsWith("%%", StringComparison.Ordinal) && value.AsSpan(2).ContainsAnyExceptInRange('0', '9') is false ? null : value;

    private static bool IsPresent(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim() != "-";

    /// <summary>A DNS host name (RFC 1123 letters, digits, hyphens and dots); anything else (a phone number, free text) is none.</summary>
    private static string? HostName(string? text)
    {
        string? name = text?.Trim().TrimEnd('.');
        return name is { Length: > 0 and <= 253 } && name.Any(char.IsAsciiLetter)
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') && !name.Contains("..", StringComparison.Ordinal)
            ? name
            : null;
    }

    private static NetAddress? Address(Dictionary<string, string> values, string key)
    {
        if (!values.TryGetValue(key, out string? text))
        {
            return null;
        }

        // "192.0.2.1:4500", "[2001:db8::1]" and charon's "192.0.2.1[500]" forms.
        string candidate = text.Trim().Trim('[', ']');
        int bracket = candidate.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0)
        {
            candidate = candidate[..bracket];
        }

        if (NetAddress.TryParse(candidate, out NetAddress address))
        {
            return address;
        }

        int colon = candidate.LastIndexOf(':');
        return colon > 0 && candidate.IndexOf(':', StringComparison.Ordinal) == colon && NetAddress.TryParse(candidate[..colon], out address)
            ? address
            : null;
    }

    private static ushort? Port(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out string? text) && ushort.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out ushort port) ? port : null;

    private static ulong? Cookie(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out string? text)
        && ulong.TryParse(StripHexPrefix(text), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong cookie)
            ? cookie
            : null;

    private static string StripHexPrefix(string text)
    {
        string trimmed = text.Trim();
        return trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
    }
}

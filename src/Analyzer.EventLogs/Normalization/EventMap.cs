namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// One entry of an event map (Maps/*.yaml): which records it applies to (provider and event ids,
/// or a daemon and a message pattern), the normalised kind, and where each field comes from.
/// </summary>
public sealed class EventMap
{
    public string Provider { get; set; } = string.Empty;

    public List<int> Ids { get; set; } = [];

    public string Kind { get; set; } = string.Empty;

    public bool Failure { get; set; }

    /// <summary>Daemon lines: the connection stage the line tells about (<see cref="ConnectionStages"/>), or null when any.</summary>
    public string? Stage { get; set; }

    /// <summary>Daemon lines: succeeded, failed, started, retried, info or noise (<see cref="ConnectionStages.Outcomes"/>).</summary>
    public string? Outcome { get; set; }

    /// <summary>Daemon lines: packet-received, packet-sent, initiating, give-up, peer-initiating or established (<see cref="DaemonSignals"/>), or null.</summary>
    public string? Signal { get; set; }

    public string? Title { get; set; }

    /// <summary>Daemon lines: fixed reason text for <see cref="NormalizedEvent.FailureReason"/>.</summary>
    public string? Reason { get; set; }

    /// <summary>Canonical field → data names tried in order.</summary>
    public Dictionary<string, List<string>> Fields { get; set; } = [];

    /// <summary>Canonical field → regex with group "v", applied to the data values and message when the field is still empty.</summary>
    public Dictionary<string, string> Patterns { get; set; } = [];

    /// <summary>Daemon lines: regex over the message; named groups are canonical fields (a trailing digit allows alternatives).</summary>
    public string? Match { get; set; }

    /// <summary>
    /// Daemon lines: canonical field → the daemon's wording → the value every daemon's entry gives
    /// (pluto's "i am NATed" is charon's "local"), so rules test one word whatever the daemon.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Values { get; set; } = [];

    public EventMapCode? Code { get; set; }
}

/// <summary>Where an entry's code comes from and how to read and explain it.</summary>
public sealed class EventMapCode
{
    /// <summary>Data names or canonical fields (already resolved) tried in order.</summary>
    public List<string> From { get; set; } = [];

    /// <summary>decimal, hex, dword-le-hex (Binary data holding a little-endian DWORD) or ike-reason-text.</summary>
    public string Format { get; set; } = "decimal";

    /// <summary>ras or ike (both the one Windows error table, Analyzer.Core.WindowsErrors), or nps (NPS reason codes).</summary>
    public string Table { get; set; } = "ras";
}

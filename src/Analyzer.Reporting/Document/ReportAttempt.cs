using System.Text.Json.Serialization;

namespace Analyzer.Reporting.Document;

/// <summary>
/// One connection attempt (issue 18, docs/report-schema.md): how far it got, where it stopped, on
/// which side and why, merged across every capture and log of the bundle.
/// </summary>
public sealed record ReportAttempt
{
    /// <summary>"A1", "A2"… in order of start; findings refer to it.</summary>
    public required string Id { get; init; }

    public string? Start { get; init; }

    /// <summary>The client's address and port as the client side saw itself.</summary>
    public string? Client { get; init; }

    public string? Server { get; init; }

    /// <summary>The server's host name when no address of it is known and a log names it by name (RasClient 20222); null otherwise.</summary>
    public string? ServerHost { get; init; }

    /// <summary>The server as the report shows it: its endpoint, else its host name labelled as one, else "?".</summary>
    [JsonIgnore]
    public string ServerShown => Server ?? (ServerHost is string host ? host + " (host name)" : "?");

    public required ReportAttemptIke Ike { get; init; }

    public IReadOnlyList<ReportAttemptView> Views { get; init; } = [];

    public IReadOnlyList<ReportAttemptStage> Stages { get; init; } = [];

    /// <summary>The last stage that passed ("how far it got"); null when none did.</summary>
    public string? Reached { get; init; }

    /// <summary>The first failed stage, or null when nothing failed.</summary>
    public string? FailedStage { get; init; }

    /// <summary>"client", "server", "path" or "unknown".</summary>
    public required string Side { get; init; }

    /// <summary>Why the failure sits on that side; null when nothing failed or nothing decides.</summary>
    public string? SideReason { get; init; }

    /// <summary>Who acts: from the attempt's leading finding, else from the side.</summary>
    public string? Owner { get; init; }

    /// <summary>The leading finding's title, else the side's reason.</summary>
    public string? Cause { get; init; }

    /// <summary>The leading finding's rule id.</summary>
    public string? Rule { get; init; }

    /// <summary>Rule ids of the findings about this attempt, ranked.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>The IKE messages once each, in time order, with where they were seen.</summary>
    public IReadOnlyList<ReportAttemptMessage> Messages { get; init; } = [];

    /// <summary>The log records of this attempt that say something (at most 40; see AttemptsSection).</summary>
    public IReadOnlyList<ReportAttemptRecord> Records { get; init; } = [];

    /// <summary>Every log record tied to this attempt, listed or not.</summary>
    public int RecordsTotal { get; init; }

    /// <summary>"retry-of A1", "rekey-of A2", "displaced-by A3".</summary>
    public IReadOnlyList<string> Relations { get; init; } = [];
}

/// <summary>The attempt's IKE SA: version, mode and SPIs/cookies in the spelling of <c>ike.sas[].initiatorCookie</c>.</summary>
public sealed record ReportAttemptIke
{
    /// <summary>1 or 2; null when no IKE was seen.</summary>
    public int? Version { get; init; }

    /// <summary>"main", "aggressive", "ike-sa-init"; null when no IKE was seen.</summary>
    public string? Mode { get; init; }

    public string? InitiatorSpi { get; init; }

    public string? ResponderSpi { get; init; }
}

/// <summary>
/// One input's view of the attempt and its vantage point ("client", "server", "between", "capture", "log");
/// for a log, how it joined the attempt another log made, or why it could not (null otherwise).
/// </summary>
public sealed record ReportAttemptView(string Input, string Role, ReportViewMatch? Match = null);

/// <summary>How a log was matched to another log's negotiation: its evidence kind ("derived", "inferred") and why.</summary>
public sealed record ReportViewMatch(string Kind, string Text);

/// <summary>One stage's outcome ("passed", "failed", "not-reached", "unknown") with its evidence.</summary>
public sealed record ReportAttemptStage
{
    public required string Stage { get; init; }

    public required string Outcome { get; init; }

    public IReadOnlyList<ReportEvidence> Evidence { get; init; } = [];
}

/// <summary>One IKE message of the attempt, once: who sent it, how often, and where it was seen.</summary>
public sealed record ReportAttemptMessage
{
    public string? Time { get; init; }

    /// <summary>"MM1", "QM2", "IKE_SA_INIT request"…</summary>
    public required string Message { get; init; }

    /// <summary>"client" or "server".</summary>
    public required string From { get; init; }

    /// <summary>How many times its sender sent it (retransmissions count).</summary>
    public int Sends { get; init; } = 1;

    /// <summary>"both", "client capture", "server capture", "lost in between" or "one capture".</summary>
    public required string Seen { get; init; }

    public bool Encrypted { get; init; }

    /// <summary>Every frame that carried it, as "input#frame".</summary>
    public IReadOnlyList<string> Frames { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notify { get; init; }
}

/// <summary>A log record tied to the attempt.</summary>
public sealed record ReportAttemptRecord(string Input, long Record, string? Time, string Text);

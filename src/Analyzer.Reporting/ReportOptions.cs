namespace Analyzer.Reporting;

/// <summary>How to build a report: the tool version to print, whether to redact, and the time to stamp.</summary>
public sealed record ReportOptions
{
    public string ToolName { get; init; } = "vpndiag";

    public required string ToolVersion { get; init; }

    /// <summary>Replace addresses, host names, user names and certificate subjects by stable pseudonyms.</summary>
    public bool Redact { get; init; }

    /// <summary>
    /// Log records listed in <c>events.records</c> (JSON, CSV). Past it, the records cited by findings,
    /// tied to a capture or recognised are listed first and the rest only counted: a report of a
    /// million-line daemon log would otherwise be larger than the log. <c>vpndiag events</c> lists every record.
    /// </summary>
    public int MaxEventRecordsListed { get; init; } = 20_000;

    /// <summary>
    /// IKE SAs listed in <c>ike.sas</c> (and whose messages the timeline shows). Past it, the SAs whose
    /// messages findings cite and those that did not come up are listed first and the rest counted:
    /// a concentrator's capture with tens of thousands of SAs would otherwise make a report of
    /// hundreds of megabytes.
    /// </summary>
    public int MaxIkeSasListed { get; init; } = 5_000;

    /// <summary>The report's time stamp; tests pass a fixed one so output is reproducible.</summary>
    public DateTimeOffset GeneratedAt { get; init; } = DateTimeOffset.UtcNow;
}

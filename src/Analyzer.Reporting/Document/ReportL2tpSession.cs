namespace Analyzer.Reporting.Document;

/// <summary>One call in a tunnel and the PPP it carried.</summary>
public sealed record ReportL2tpSession
{
    public required ReportL2tpIds SessionIds { get; init; }

    /// <summary>"wait-reply", "wait-connect", "established", "disconnected", "unknown".</summary>
    public required string State { get; init; }

    public ReportL2tpResult? Result { get; init; }

    public long DataPackets { get; init; }

    public ReportPppSession? Ppp { get; init; }
}

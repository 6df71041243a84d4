namespace Analyzer.Reporting.Document;

public sealed record PptpReport
{
    public IReadOnlyList<ReportPptpConnection> Connections { get; init; } = [];
}

/// <summary>A PPTP control connection (TCP 1723) with its GRE counts and PPP.</summary>
public sealed record ReportPptpConnection
{
    public required string Input { get; init; }

    public required string Client { get; init; }

    public required string Server { get; init; }

    public long GreFromClient { get; init; }

    public long GreFromServer { get; init; }

    public long? FirstFrame { get; init; }

    public IReadOnlyList<ReportPptpControlMessage> ControlMessages { get; init; } = [];

    /// <summary>Control stream problems, as {frame, kind, detail} like the L2TP and PPP anomalies.</summary>
    public IReadOnlyList<ReportAnomaly> Anomalies { get; init; } = [];

    public ReportPppSession? Ppp { get; init; }
}

/// <summary>One PPTP control message; "from" is "client" or "server".</summary>
public sealed record ReportPptpControlMessage(long Frame, string Time, string From, string Type, string? Result);

namespace Analyzer.Reporting.Document;

/// <summary>One L2TP control connection, its control messages (ZLB included) and its sessions.</summary>
public sealed record ReportL2tpTunnel
{
    public required string Input { get; init; }

    public required string Client { get; init; }

    public required string Server { get; init; }

    public required ReportL2tpIds TunnelIds { get; init; }

    public int Version { get; init; } = 2;

    /// <summary>"wait-reply", "wait-connect", "established", "stopped", "unknown".</summary>
    public required string State { get; init; }

    public ReportL2tpResult? Result { get; init; }

    public string? ClientHostName { get; init; }

    public string? ServerHostName { get; init; }

    public string? ClientVendorName { get; init; }

    public string? ServerVendorName { get; init; }

    public bool InClearText { get; init; }

    public long DataFromClient { get; init; }

    public long DataFromServer { get; init; }

    public IReadOnlyList<ReportAnomaly> Anomalies { get; init; } = [];

    public IReadOnlyList<ReportL2tpControlMessage> ControlMessages { get; init; } = [];

    public IReadOnlyList<ReportL2tpSession> Sessions { get; init; } = [];
}

/// <summary>The ids each side assigned (tunnel or session).</summary>
public sealed record ReportL2tpIds(int Client, int Server);

/// <summary>A Result Code AVP decoded.</summary>
public sealed record ReportL2tpResult(int Code, string Name, int? Error, string? ErrorName, string? Message);

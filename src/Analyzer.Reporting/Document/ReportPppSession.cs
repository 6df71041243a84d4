namespace Analyzer.Reporting.Document;

/// <summary>PPP inside an L2TP session or PPTP call: LCP, authentication, IPCP.</summary>
public sealed record ReportPppSession
{
    public string? AuthenticationProtocol { get; init; }

    public string? AuthenticationResult { get; init; }

    public int? AuthenticationErrorCode { get; init; }

    public string? AuthenticationMessage { get; init; }

    public long? AuthenticationFrame { get; init; }

    public string? UserName { get; init; }

    public bool LcpOpened { get; init; }

    public bool LcpLoop { get; init; }

    public bool IpcpOpened { get; init; }

    public string? ClientAddress { get; init; }

    public string? ServerAddress { get; init; }

    public bool CompressionNegotiated { get; init; }

    public IReadOnlyList<ReportPppPacket> Packets { get; init; } = [];

    public IReadOnlyList<ReportAnomaly> Anomalies { get; init; } = [];
}

/// <summary>One PPP control packet; "from" is "client" or "server".</summary>
public sealed record ReportPppPacket(long Frame, string Time, string From, string Protocol, string Code, int Identifier, string Summary);

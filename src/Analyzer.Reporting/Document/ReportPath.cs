namespace Analyzer.Reporting.Document;

/// <summary>Captures of one conversation lined up: who is where, clock offset, NAT, and per-direction counts.</summary>
public sealed record ReportPath
{
    public IReadOnlyList<ReportVantagePoint> Captures { get; init; } = [];

    public double? ClockOffsetSeconds { get; init; }

    public IReadOnlyList<ReportTranslation> Translations { get; init; } = [];

    public IReadOnlyList<ReportPathDirection> Directions { get; init; } = [];

    /// <summary>Median one-way transit seconds per direction ("client→server").</summary>
    public IReadOnlyDictionary<string, double> TransitSeconds { get; init; } = new Dictionary<string, double>();
}

/// <summary>A capture's place: "client", "server" or "between", and why.</summary>
public sealed record ReportVantagePoint(string Input, string Role, string Reason);

public sealed record ReportTranslation(string Protocol, string Inside, string Outside, bool? NatDiscoveryAgreed);

/// <summary>A frame in a named capture.</summary>
public sealed record ReportFrame(string Input, long Frame, string Time);

public sealed record ReportModifiedPacket(ReportFrame Sent, ReportFrame Received, int FirstDifferingOffset, int DifferingBytes, string Description);

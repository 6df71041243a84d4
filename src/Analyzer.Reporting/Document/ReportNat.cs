namespace Analyzer.Reporting.Document;

/// <summary>NAT-T support and NAT-D results (RFC 3947) for one SA.</summary>
public sealed record ReportNat
{
    public bool InitiatorSupportsNatT { get; init; }

    public bool ResponderSupportsNatT { get; init; }

    public string? Version { get; init; }

    public bool DiscoveryExchanged { get; init; }

    public bool HashesVerified { get; init; }

    public bool? InitiatorBehindNat { get; init; }

    public bool? ResponderBehindNat { get; init; }

    public bool FloatedToPort4500 { get; init; }

    public long? FirstNatTFrame { get; init; }
}

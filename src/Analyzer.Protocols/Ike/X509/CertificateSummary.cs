namespace Analyzer.Protocols.Ike.X509;

/// <summary>What a CERT payload's X.509 certificate says, or why it could not be read.</summary>
public sealed record CertificateSummary(
    string? Subject,
    string? Issuer,
    DateTime? NotBefore,
    DateTime? NotAfter,
    int? KeySizeBits,
    string? SerialNumber,
    string? Error);

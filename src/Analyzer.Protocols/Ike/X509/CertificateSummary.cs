namespace Analyzer.Protocols.Ike.X509;

/// <summary>What a CERT payload's X.509 certificate says, or why it could not be read.</summary>
public sealed record CertificateSummary(
    string? Subject,
    string? Issuer,
    DateTime? NotBefore,
    DateTime? NotAfter,
    int? KeySizeBits,
    string? SerialNumber,
    string? Error)
{
    /// <summary>Extended key usage OIDs (1.3.6.1.5.5.7.3.1 server authentication...); null when the certificate has no EKU extension (any use).</summary>
    public IReadOnlyList<string>? ExtendedKeyUsages { get; init; }

    /// <summary>Key usage flags (RFC 5280 §4.2.1.3); null without the extension.</summary>
    public System.Security.Cryptography.X509Certificates.X509KeyUsageFlags? KeyUsage { get; init; }

    /// <summary>SHA-1 of the DER SubjectPublicKeyInfo, lower-case hex: what an IKEv2 CERTREQ names a trusted CA by (RFC 7296 §3.7).</summary>
    public string? PublicKeyInfoSha1 { get; init; }

    /// <summary>The certificate is a CA (basic constraints cA = true).</summary>
    public bool IsAuthority { get; init; }
}

using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>A CERT payload decoded as X.509 (subject, issuer, validity, key size), seen in clear or decrypted.</summary>
public sealed record IkeCertificate(
    FrameRef Frame,
    bool FromInitiator,
    string Encoding,
    string? Subject,
    string? Issuer,
    DateTime? NotBefore,
    DateTime? NotAfter,
    int? KeySizeBits,
    string? SerialNumber,
    string? Error)
{
    /// <summary>Extended key usage OIDs; null when the certificate has no EKU extension (any use).</summary>
    public IReadOnlyList<string>? ExtendedKeyUsages { get; init; }

    /// <summary>Key usage flags (RFC 5280 §4.2.1.3); null without the extension.</summary>
    public System.Security.Cryptography.X509Certificates.X509KeyUsageFlags? KeyUsage { get; init; }

    /// <summary>SHA-1 of the SubjectPublicKeyInfo (hex): an IKEv2 CERTREQ names a CA by this (RFC 7296 §3.7).</summary>
    public string? PublicKeyInfoSha1 { get; init; }

    /// <summary>A CA certificate (basic constraints cA), sent as part of a chain.</summary>
    public bool IsAuthority { get; init; }
}

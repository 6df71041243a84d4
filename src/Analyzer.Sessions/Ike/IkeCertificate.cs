using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// A CERT payload decoded as X.509 (subject, issuer, validity, key size), seen in clear or decrypted.
/// <see cref="Encoding"/> is the registry number (<c>CertificateEncodings</c>); <see cref="Error"/> is
/// the X.509 decoder's, and null for an encoding vpndiag does not decode (<see cref="Decoded"/> says which).
/// </summary>
public sealed record IkeCertificate(
    FrameRef Frame,
    bool FromInitiator,
    byte Encoding,
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

    /// <summary>An X.509 encoding that decoded without error: subject, issuer and validity are the certificate's.</summary>
    public bool Decoded => CertificateEncodings.IsX509(Encoding) && Error is null;
}

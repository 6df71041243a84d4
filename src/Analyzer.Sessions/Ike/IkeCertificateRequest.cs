using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// A CERTREQ payload: certificate type (its <c>CertificateEncodings</c> number) and the CA asked for (null when empty: "any CA"). IKEv1
/// names the CA by its distinguished name; IKEv2 by SHA-1 hashes of the CAs' SubjectPublicKeyInfo
/// (RFC 7296 §3.7), listed in <see cref="KeyHashes"/> (and as hex in <see cref="CertificateAuthority"/>).
/// </summary>
public sealed record IkeCertificateRequest(FrameRef Frame, bool FromInitiator, byte Encoding, string? CertificateAuthority)
{
    /// <summary>IKEv2: the 20-byte SHA-1 hashes of the trusted CAs' public key info, hex; empty for IKEv1.</summary>
    public IReadOnlyList<string> KeyHashes { get; init; } = [];
}

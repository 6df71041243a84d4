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
    string? Error);

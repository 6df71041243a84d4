using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>A CERTREQ payload: certificate type and the CA distinguished name asked for (null when empty: "any CA").</summary>
public sealed record IkeCertificateRequest(FrameRef Frame, bool FromInitiator, string Encoding, string? CertificateAuthority);

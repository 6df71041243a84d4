namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// What a peer proves its identity with, as an authentication method number says it: the question
/// rules ask ("do the pre-shared keys differ, or was the certificate refused?"), asked of the number
/// rather than of its display name.
/// </summary>
public enum AuthenticationCredential : byte
{
    /// <summary>No method negotiated, or a number no registry row classifies (private use, unassigned).</summary>
    Unknown,

    /// <summary>A shared secret: IKEv1 pre-shared key (also under XAUTH), IKEv2 shared key MIC.</summary>
    PreSharedKey,

    /// <summary>A key pair, usually vouched for by a certificate: signatures and public-key encryption.</summary>
    PublicKey,
}

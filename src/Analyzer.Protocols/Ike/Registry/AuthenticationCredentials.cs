namespace Analyzer.Protocols.Ike.Registry;

/// <summary>Classifies authentication method numbers by the credential they rely on.</summary>
public static class AuthenticationCredentials
{
    /// <summary>
    /// IKEv1 Phase 1 attribute 3 (RFC 2409 appendix A; 9–11 ECDSA, RFC 4754; 64221–64224 hybrid,
    /// draft-ietf-ipsec-isakmp-hybrid-auth; 65001–65010 XAUTH, draft-beaulieu-ike-xauth). XAUTH
    /// adds a user login on top of the named method, so XAUTH InitPreShared still rests on a PSK;
    /// hybrid authenticates the gateway by signature.
    /// </summary>
    public static AuthenticationCredential OfIkev1Method(int method) => method switch
    {
        1 or 65001 or 65002 => AuthenticationCredential.PreSharedKey,
        2 or 3 or 4 or 5 or 9 or 10 or 11 => AuthenticationCredential.PublicKey,
        >= 64221 and <= 64224 => AuthenticationCredential.PublicKey,
        >= 65003 and <= 65010 => AuthenticationCredential.PublicKey,
        _ => AuthenticationCredential.Unknown,
    };

    /// <summary>
    /// IKEv2 AUTH payload methods (<see cref="Ikev2AuthenticationMethods"/>): the shared key MIC rests on
    /// a PSK (or, after EAP, on the MSK); signatures on a key pair; GSPAM and NULL on neither.
    /// </summary>
    public static AuthenticationCredential OfIkev2Method(int method) => method switch
    {
        Ikev2AuthenticationMethods.SharedKeyMic => AuthenticationCredential.PreSharedKey,
        Ikev2AuthenticationMethods.RsaSignature or Ikev2AuthenticationMethods.DssSignature or Ikev2AuthenticationMethods.EcdsaP256
            or Ikev2AuthenticationMethods.EcdsaP384 or Ikev2AuthenticationMethods.EcdsaP521 or Ikev2AuthenticationMethods.DigitalSignature => AuthenticationCredential.PublicKey,
        _ => AuthenticationCredential.Unknown,
    };

    /// <summary>The credential of a method value: IKEv1's from its proposals, IKEv2's from an AUTH payload.</summary>
    public static AuthenticationCredential Of(TransformValue? method) => method switch
    {
        { Registry: TransformRegistry.V1AuthenticationMethod } value => OfIkev1Method(value.Id),
        { Registry: TransformRegistry.V2AuthenticationMethod } value => OfIkev2Method(value.Id),
        _ => AuthenticationCredential.Unknown,
    };
}

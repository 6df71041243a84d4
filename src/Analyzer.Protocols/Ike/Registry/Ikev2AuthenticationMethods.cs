namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// IANA "IKEv2 Authentication Method" registry, the Auth Method byte of the AUTH payload: RFC 7296 §3.8
/// (1 RSA signature, 2 shared key MIC, 3 DSS), RFC 4754 (9–11 ECDSA, the numbers RFC 5998's EAP-only
/// and later documents keep), RFC 6467 (12 GSPAM), RFC 7619 (13 NULL) and RFC 7427 (14 Digital Signature).
/// </summary>
public static class Ikev2AuthenticationMethods
{
    public const int RsaSignature = 1;
    public const int SharedKeyMic = 2;
    public const int DssSignature = 3;
    public const int EcdsaP256 = 9;
    public const int EcdsaP384 = 10;
    public const int EcdsaP521 = 11;
    public const int GenericSecurePassword = 12;
    public const int NullAuthentication = 13;
    public const int DigitalSignature = 14;

    public static NameTable Table { get; } = new(new Dictionary<int, string>
    {
        [RsaSignature] = "RSA Digital Signature",
        [SharedKeyMic] = "Shared Key Message Integrity Code",
        [DssSignature] = "DSS Digital Signature",
        [EcdsaP256] = "ECDSA with SHA-256 on the P-256 curve",
        [EcdsaP384] = "ECDSA with SHA-384 on the P-384 curve",
        [EcdsaP521] = "ECDSA with SHA-512 on the P-521 curve",
        [GenericSecurePassword] = "Generic Secure Password Authentication Method",
        [NullAuthentication] = "NULL Authentication",
        [DigitalSignature] = "Digital Signature",
    }, (201, 255, "Private use"));

    /// <summary>The method as the model carries it.</summary>
    public static TransformValue Value(byte method) => new(TransformRegistry.V2AuthenticationMethod, method);
}

namespace Analyzer.Diagnosis.Facts;

/// <summary>Notify numbers the facts interpret (RFC 2408 §3.14.1, RFC 7296 §3.10.1, RFC 3706 §5).</summary>
internal static class NotifyTypes
{
    public const ushort PayloadMalformed = 16;
    public const ushort InvalidKeyInformation = 17;
    public const ushort NoProposalChosen = 14;
    public const ushort InvalidIdInformation = 18;
    public const ushort InvalidSignature = 25;
    public const ushort AuthenticationFailed = 24;
    public const ushort RuThere = 36136;
    public const ushort RuThereAck = 36137;

    /// <summary>
    /// Answers that mean "I could not authenticate you". IKEv1: ID, certificate, CA, hash, signature
    /// and AUTHENTICATION-FAILED (18..25); PAYLOAD-MALFORMED and INVALID-KEY-INFORMATION count only once
    /// keys are in use, because a responder that cannot decrypt message 5 (pre-shared keys differ)
    /// typically says one of those. IKEv2: AUTHENTICATION_FAILED only (17 there is INVALID_KE_PAYLOAD,
    /// a retry request, not a failure).
    /// </summary>
    public static bool IsAuthenticationFailure(int version, ushort type, bool afterKeyExchange) =>
        version == 2
            ? type == AuthenticationFailed
            : type is >= InvalidIdInformation and <= InvalidSignature
              || (afterKeyExchange && type is PayloadMalformed or InvalidKeyInformation);
}

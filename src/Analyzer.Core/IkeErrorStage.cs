namespace Analyzer.Core;

/// <summary>
/// Which part of an IKE negotiation a Windows IKE error (ERROR_IPSEC_IKE_*) says failed: the stage
/// column of <see cref="WindowsErrors"/>. The correlation stage turns it into the attempt's stage
/// (with the event's cookies: an unanswered negotiation with no responder cookie never got past
/// message 1).
/// </summary>
public enum IkeErrorStage : byte
{
    /// <summary>The code does not place the failure (RAS codes, general or internal IKE errors).</summary>
    Unplaced,

    /// <summary>Windows waited for the peer and gave up (timed out, no response): which message went unanswered decides.</summary>
    Unanswered,

    /// <summary>The offer itself was refused: no proposal chosen, no policy, an SA, proposal or transform payload, an algorithm.</summary>
    Proposal,

    /// <summary>The peers could not authenticate each other: credentials, certificates, the hash or a decryption with the wrong key.</summary>
    Authentication,
}

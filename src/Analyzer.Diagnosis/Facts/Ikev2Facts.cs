using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// What an IKEv2 SA's decrypted IKE_AUTH says (rules read it as <c>Ikev2.…</c> on subject <c>sa</c>):
/// AUTH methods, the EAP conversation and its outcome, the configuration payload (virtual address),
/// traffic selectors, and an error notify that refused the CHILD SA while the IKE SA came up.
/// Empty strings and false when the SA is IKEv1 or its IKE_AUTH was not decrypted.
/// </summary>
public sealed class Ikev2Facts
{
    public static Ikev2Facts None { get; } = new();

    /// <summary>IKE_AUTH was decrypted (some AUTH, EAP, CP or TS payload was read).</summary>
    public bool AuthenticationSeen { get; init; }

    /// <summary>"initiator: Shared Key Message Integrity Code; responder: RSA Digital Signature".</summary>
    public string AuthMethods { get; init; } = "";

    /// <summary>The user name the client gave EAP (Identity response, else the MS-CHAPv2 response name).</summary>
    public string EapIdentity { get; init; } = "";

    /// <summary>"success", "failure", "unfinished" or "" (no EAP).</summary>
    public string EapOutcome { get; init; } = "";

    public bool EapFailed { get; init; }

    /// <summary>The EAP packets in order, e.g. "Request/Identity, Response/Identity, Request/MSCHAPv2 Challenge…".</summary>
    public string EapConversation { get; init; } = "";

    /// <summary>The server's MS-CHAPv2 failure text ("E=691 R=1 C=… V=3 M=…", RFC 2759 §6), raw.</summary>
    public string EapFailureMessage { get; init; } = "";

    /// <summary>The error code of that text ("691"), which is the Windows error number the user sees.</summary>
    public string EapErrorCode { get; init; } = "";

    public IReadOnlyList<FrameRef> EapFrames { get; init; } = [];

    /// <summary>The client asked for a virtual address (CFG_REQUEST with INTERNAL_IP4/6_ADDRESS).</summary>
    public bool AddressRequested { get; init; }

    /// <summary>The address the server assigned in its CFG_REPLY; "" when none.</summary>
    public string AssignedAddress { get; init; } = "";

    /// <summary>An address was asked for and none came back: INTERNAL_ADDRESS_FAILURE / FAILED_CP_REQUIRED, or an IKE_AUTH reply without one.</summary>
    public bool AddressAssignmentFailed { get; init; }

    /// <summary>How it failed: the notify name, or "no configuration reply".</summary>
    public string AddressFailure { get; init; } = "";

    public IReadOnlyList<FrameRef> AddressFrames { get; init; } = [];

    /// <summary>The notify that refused the first CHILD SA in IKE_AUTH while the IKE SA came up (TS_UNACCEPTABLE, NO_PROPOSAL_CHOSEN...), other than an address failure; "" when none.</summary>
    public string ChildRefusal { get; init; } = "";

    public IReadOnlyList<FrameRef> ChildRefusalFrames { get; init; } = [];

    /// <summary>Traffic selectors the initiator proposed ("TSi 10.0.0.5 proto any; TSr 192.168.100.1 proto any").</summary>
    public string ProposedSelectors { get; init; } = "";

    /// <summary>Traffic selectors the responder answered with; "" when it sent none.</summary>
    public string AnsweredSelectors { get; init; } = "";
}

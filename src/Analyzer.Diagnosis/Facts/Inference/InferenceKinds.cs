namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>The kinds of <see cref="InferenceFacts"/> rows, one per pattern the inference reads.</summary>
public static class InferenceKinds
{
    /// <summary>Same-sized ESP packets from one side at growing (back-off) intervals, nothing back.</summary>
    public const string RetransmittedUnanswered = "retransmitted-unanswered";

    /// <summary>A few ESP packets both ways, then silence, then the SA ends.</summary>
    public const string ShortExchangeThenSilence = "short-exchange-then-silence";

    /// <summary>An encrypted Informational to one client as another behind the same address authenticates.</summary>
    public const string InformationalAtSecondAuthentication = "informational-at-second-authentication";

    /// <summary>Encrypted Informational request/response pairs of one size at a steady period.</summary>
    public const string DeadPeerDetection = "dead-peer-detection";

    /// <summary>One-byte 0xFF datagrams on UDP 4500 (RFC 3948 §2.3).</summary>
    public const string NatKeepalive = "nat-keepalive";

    /// <summary>IKE_AUTH ends in a message too short for anything but one notify, and no child SA follows.</summary>
    public const string IkeAuthRefused = "ikev2-auth-refused";
}

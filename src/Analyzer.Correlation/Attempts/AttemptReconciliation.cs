namespace Analyzer.Correlation.Attempts;

/// <summary>
/// What lining up an attempt's views concluded (issue 18): data the rules read, never prose. Null
/// where the inputs cannot decide (one view only).
/// </summary>
public sealed class AttemptReconciliation
{
    /// <summary>A capture at the client side and one at the server side both hold this attempt.</summary>
    public bool BothEnds { get; set; }

    /// <summary>IKE messages seen at both ends.</summary>
    public int MessagesSeenTwice { get; set; }

    /// <summary>IKE messages sent at one end while the other end's capture ran, never seen there.</summary>
    public int MessagesLostInBetween { get; set; }

    /// <summary>Addresses or ports differ between the client's and the server's capture (path comparison saw a translation).</summary>
    public bool? AddressesTranslated { get; set; }

    /// <summary>NAT-D (RFC 3947) hashes reported a NAT.</summary>
    public bool NatDiscoveryReportedNat { get; set; }

    /// <summary>
    /// NAT-D reports a NAT while both captures show the same addresses and ports: a peer forced UDP
    /// encapsulation (faked NAT-D), there is no NAT on the path. Null with one view.
    /// </summary>
    public bool? ForcedEncapsulation { get; set; }

    /// <summary>The responder sent message 4 again after message 5 reached it.</summary>
    public bool ResponderRepeatedAfterAuthentication { get; set; }

    /// <summary>The responder answered the authentication message with an encrypted Informational.</summary>
    public bool AuthenticationAnsweredByInformational { get; set; }

    /// <summary>The last unanswered message reached the server (true), was lost before it (false), or nobody can tell (null).</summary>
    public bool? UnansweredReachedServer { get; set; }

    /// <summary>
    /// The L2TP call (CDN) or tunnel (StopCCN) that decided the failing stage was cleared by the
    /// client's LAC (true) or the server's LNS (false); null when no clearing message decides.
    /// </summary>
    public bool? L2tpClearedByClient { get; set; }

    /// <summary>
    /// With captures at both ends, the ESP of one direction left its sender's capture and never
    /// showed at the other end: true for the client's ESP, false for the server's; null when neither
    /// was lost (or only one end is captured).
    /// </summary>
    public bool? EspLostFromClient { get; set; }

    /// <summary>A log tied to this attempt says a stage the captures leave open passed or failed (the log outweighs a capture that stops early).</summary>
    public bool LogDecided { get; set; }
}

namespace Analyzer.Sessions.Ike;

/// <summary>
/// What NAT-T negotiation says (RFC 3947): who announced support, whether NAT-D hashes matched
/// the addresses and ports seen, and so which side is behind a NAT.
/// </summary>
public sealed class NatDetection
{
    /// <summary>Initiator sent an RFC 3947 or draft NAT-T vendor ID (IKEv1); for IKEv2, NAT_DETECTION notifies.</summary>
    public bool InitiatorSupportsNatT { get; set; }

    public bool ResponderSupportsNatT { get; set; }

    /// <summary>"RFC 3947", "draft-ietf-ipsec-nat-t-ike-02" ... as agreed.</summary>
    public string? NatTVersion { get; set; }

    /// <summary>NAT-D payloads were exchanged.</summary>
    public bool NatDiscoveryExchanged { get; set; }

    /// <summary>The hashes could be recomputed (the negotiated hash algorithm was known).</summary>
    public bool HashesVerified { get; set; }

    /// <summary>The initiator's own address/port differs from what the responder saw: initiator behind NAT.</summary>
    public bool? InitiatorBehindNat { get; set; }

    public bool? ResponderBehindNat { get; set; }

    /// <summary>The exchange moved to UDP 4500.</summary>
    public bool FloatedToPort4500 { get; set; }

    /// <summary>Frame of the first message on UDP 4500.</summary>
    public long? FirstNatTFrame { get; set; }

    public bool NatDetected => InitiatorBehindNat == true || ResponderBehindNat == true;
}

namespace Analyzer.Sessions.Ike;

/// <summary>The notifies whose data vpndiag reads (<see cref="IkeNotifyDetail"/>).</summary>
public enum IkeNotifyDetailKind : byte
{
    /// <summary>R-U-THERE / R-U-THERE-ACK (RFC 3706 §7): the 32-bit sequence number.</summary>
    DpdSequence,

    /// <summary>INVALID_KE_PAYLOAD (RFC 7296 §3.10.1): the Diffie-Hellman group the responder accepts.</summary>
    AcceptedGroup,

    /// <summary>REDIRECT (RFC 5685 §4.2): the gateway to go to, an address or a name.</summary>
    Redirect,
}

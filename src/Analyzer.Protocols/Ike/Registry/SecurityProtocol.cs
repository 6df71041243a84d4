namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// The protocol a proposal negotiates (RFC 2407 §4.4.1, RFC 7296 §3.3.1; the numbers are
/// <see cref="ProtocolIds"/>'): it decides which RFC judges the proposal's algorithms, RFC 8247 for
/// the IKE SA and RFC 8221 for ESP and AH.
/// </summary>
public enum SecurityProtocol : byte
{
    Unknown = 0,

    /// <summary>ISAKMP (IKEv1 Phase 1) or IKE (IKEv2 IKE SA).</summary>
    Ike = 1,
    Ah = 2,
    Esp = 3,
    IpComp = 4,
}

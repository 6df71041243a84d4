namespace Analyzer.Protocols.Ppp;

/// <summary>
/// An authentication protocol as LCP's Authentication-Protocol option names it (RFC 1661 §6.2): the
/// PPP protocol number and, for CHAP, the algorithm octet (RFC 1994 §3, RFC 2433, RFC 2759).
/// Algorithm 0 is "CHAP, algorithm not seen" (a CHAP packet without the LCP option).
/// </summary>
public readonly record struct PppAuthenticationProtocol(ushort Protocol, byte Algorithm = 0)
{
    public static PppAuthenticationProtocol Pap => new(PppProtocols.Pap);

    public static PppAuthenticationProtocol Chap => new(PppProtocols.Chap);

    public static PppAuthenticationProtocol Eap => new(PppProtocols.Eap);

    /// <summary>CHAP with algorithm 0x81 (RFC 2759 §2).</summary>
    public bool IsMsChapV2 => Protocol == PppProtocols.Chap && Algorithm == PppAuthentication.MsChapV2Algorithm;

    /// <summary>The registry's name ("PAP", "CHAP-MD5", "MS-CHAPv2", "EAP"…), for the report.</summary>
    public string Name => PppAuthentication.Name(this);

    public override string ToString() => Name;
}

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>The table a requirement level was read from.</summary>
public enum AlgorithmSource : byte
{
    /// <summary>No table lists the algorithm.</summary>
    None,

    /// <summary>RFC 8247 §3.1 (IKEv2 encryption).</summary>
    Rfc8247Encryption,

    /// <summary>RFC 8247 §3.2 (PRF).</summary>
    Rfc8247Prf,

    /// <summary>RFC 8247 §3.3 (IKE integrity).</summary>
    Rfc8247Integrity,

    /// <summary>RFC 8247 §3.4 (Diffie-Hellman groups; also the PFS group of a child SA, which RFC 8221 does not cover).</summary>
    Rfc8247Groups,

    /// <summary>RFC 8221 §5 (ESP encryption).</summary>
    Rfc8221Encryption,

    /// <summary>RFC 8221 §6 (ESP and AH authentication).</summary>
    Rfc8221Authentication,
}

namespace Analyzer.Protocols.Esp;

/// <summary>What became of an ESP packet vpndiag had a key for.</summary>
public enum EspDecryptionStatus : byte
{
    /// <summary>No key for this SPI (or no keys at all): nothing was tried.</summary>
    NotAttempted,
    /// <summary>ICV matched (or the SA has none), padding and next header are sound.</summary>
    Decrypted,
    /// <summary>The ICV does not match: a wrong key, or the packet was changed on its way.</summary>
    IcvMismatch,
    /// <summary>Decrypted, but the trailer is not RFC 4303 §2.4 padding: most likely a wrong encryption key.</summary>
    BadPadding,
    /// <summary>Shorter than the SA's IV, ICV and one block, or cut by the capture's snaplen.</summary>
    Truncated,
    /// <summary>A key is there but for an algorithm vpndiag cannot run (see the SA's description).</summary>
    Unsupported,
}

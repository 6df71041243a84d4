namespace Analyzer.Protocols.Keys;

/// <summary>
/// ESP encryption transforms vpndiag can decrypt (RFC 8221 lists what is in use). AES-GCM and
/// AES-CTR keys carry their 4-byte salt/nonce at the end, as RFC 4106 §8.1 and RFC 3686 §5.1 say
/// IKE hands them out (and as Wireshark and the Linux kernel store them).
/// </summary>
public enum EspEncryption : byte
{
    /// <summary>A name vpndiag does not know: the SA is listed, its packets are not decrypted.</summary>
    Unsupported,
    /// <summary>ENCR_NULL, RFC 2410.</summary>
    Null,
    /// <summary>DES-CBC, RFC 2405.</summary>
    DesCbc,
    /// <summary>3DES-CBC, RFC 2451.</summary>
    TripleDesCbc,
    /// <summary>AES-CBC with a 128, 192 or 256-bit key, RFC 3602.</summary>
    AesCbc,
    /// <summary>AES-CTR, RFC 3686: key followed by a 4-byte nonce.</summary>
    AesCtr,
    /// <summary>AES-GCM with an 8-byte ICV, RFC 4106.</summary>
    AesGcm8,
    /// <summary>AES-GCM with a 12-byte ICV, RFC 4106.</summary>
    AesGcm12,
    /// <summary>AES-GCM with a 16-byte ICV, RFC 4106 (what IKE peers negotiate as AES_GCM_16).</summary>
    AesGcm16,
}

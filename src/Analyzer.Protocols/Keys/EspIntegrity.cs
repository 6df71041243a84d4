namespace Analyzer.Protocols.Keys;

/// <summary>ESP integrity transforms; the number in each name is the ICV length in bits (RFC 2403, 2404, 4868).</summary>
public enum EspIntegrity : byte
{
    /// <summary>A name vpndiag does not know: the SA is listed, its packets are not decrypted.</summary>
    Unsupported,
    /// <summary>No separate integrity (NULL, or combined-mode ciphers such as AES-GCM).</summary>
    Null,
    /// <summary>HMAC-MD5 cut to 96 bits (RFC 2403).</summary>
    HmacMd5With96,
    HmacSha1With96,
    /// <summary>HMAC-SHA-256 cut to 96 bits: the pre-RFC 4868 draft Linux still uses for plain "auth hmac(sha256)".</summary>
    HmacSha256With96,
    HmacSha256With128,
    HmacSha384With192,
    HmacSha512With256,
    /// <summary>Wireshark's "ANY n bit authentication [no checking]": the ICV length is known, the key is not.</summary>
    Unchecked64,
    Unchecked96,
    Unchecked128,
    Unchecked192,
    Unchecked256,
}

namespace Analyzer.Protocols.Keys;

/// <summary>
/// One IKEv2 SK payload cipher (RFC 7296 §3.14, RFC 5282 for GCM) with what decryption needs. Keys
/// of counter and GCM modes end in their 4-byte salt (RFC 5282 §7.1, RFC 5930 §2).
/// </summary>
public sealed record Ikev2Encryption(string WiresharkName, string Name, Ikev2CipherMode Mode, int KeyBytes, int SaltBytes, int IvBytes, int IcvBytes)
{
    public int BlockBytes => Mode switch
    {
        Ikev2CipherMode.TripleDesCbc => 8,
        Ikev2CipherMode.AesCbc => 16,
        _ => 1,
    };

    /// <summary>SK_e length: key plus salt.</summary>
    public int KeyMaterialBytes => KeyBytes + SaltBytes;

    public bool IsCombined => IcvBytes > 0;
}

public enum Ikev2CipherMode : byte
{
    Null,
    TripleDesCbc,
    AesCbc,
    AesCtr,
    AesGcm,
}

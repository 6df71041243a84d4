using System.Security.Cryptography;

namespace Analyzer.Protocols.Ike.Decryption;

/// <summary>The Phase 1 cipher negotiated for an IKEv1 SA (RFC 2409 appendix A): DES-CBC, 3DES-CBC or AES-CBC.</summary>
public sealed record Ikev1Cipher(string Name, int KeyBytes, int BlockSize)
{
    private const int DesEncryption = 1;
    private const int TripleDesEncryption = 5;
    private const int AesEncryption = 7;

    /// <summary>The cipher for the chosen transform's Encryption-Algorithm and Key-Length attributes, or null if unsupported.</summary>
    public static Ikev1Cipher? FromAttributes(long? encryption, long? keyLengthBits) => encryption switch
    {
        DesEncryption => new Ikev1Cipher("DES-CBC", 8, 8),
        TripleDesEncryption => new Ikev1Cipher("3DES-CBC", 24, 8),
        AesEncryption when keyLengthBits is null or 128 => new Ikev1Cipher("AES-CBC-128", 16, 16),
        AesEncryption when keyLengthBits is 192 => new Ikev1Cipher("AES-CBC-192", 24, 16),
        AesEncryption when keyLengthBits is 256 => new Ikev1Cipher("AES-CBC-256", 32, 16),
        _ => null,
    };

    /// <summary>CBC-decrypts whole blocks without removing padding (IKEv1 padding is inside the payload chain's bounds). Null when the key is unusable.</summary>
    public byte[]? Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext)
    {
        if (key.Length < KeyBytes || iv.Length < BlockSize || ciphertext.Length == 0 || ciphertext.Length % BlockSize != 0)
        {
            return null;
        }

        try
        {
            using SymmetricAlgorithm algorithm = Create();
            algorithm.Key = key[..KeyBytes].ToArray();
            return algorithm.DecryptCbc(ciphertext, iv[..BlockSize], PaddingMode.None);
        }
        catch (CryptographicException)
        {
            // .NET refuses DES/3DES weak keys; to us that is just a key that does not work.
            return null;
        }
    }

    private SymmetricAlgorithm Create() => KeyBytes switch
    {
#pragma warning disable CA5350, CA5351 // The peers negotiated DES/3DES; decrypting their traffic needs it.
        8 => DES.Create(),
        24 when BlockSize == 8 => TripleDES.Create(),
#pragma warning restore CA5350, CA5351
        _ => Aes.Create(),
    };
}

namespace Analyzer.Protocols.Keys;

/// <summary>
/// The algorithms of one ESP key, without its bytes: what a flow was decrypted with, carried as values
/// and spelled only in a report (<see cref="EspAlgorithms.Name(EspKeyAlgorithms)"/>). The key length
/// is kept because it names the cipher (AES-CBC-128 or -256), and the salt of CTR and GCM is in it.
/// </summary>
public readonly record struct EspKeyAlgorithms(EspEncryption Encryption, int EncryptionKeyBytes, EspIntegrity Integrity);

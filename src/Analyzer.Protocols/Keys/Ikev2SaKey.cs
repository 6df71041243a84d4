namespace Analyzer.Protocols.Keys;

/// <summary>
/// The SK_e/SK_a secrets of one IKEv2 SA (RFC 7296 §2.14), keyed by both SPIs as in Wireshark's
/// ikev2_decryption_table. A secret: <see cref="ToString"/> never shows key material.
/// </summary>
public sealed class Ikev2SaKey
{
    public required ulong InitiatorSpi { get; init; }

    public required ulong ResponderSpi { get; init; }

    public required Ikev2Encryption Encryption { get; init; }

    /// <summary>SK_ei: protects what the original initiator sends.</summary>
    public required byte[] InitiatorEncryptionKey { get; init; }

    /// <summary>SK_er: protects what the original responder sends.</summary>
    public required byte[] ResponderEncryptionKey { get; init; }

    public required Ikev2Integrity Integrity { get; init; }

    public required byte[] InitiatorIntegrityKey { get; init; }

    public required byte[] ResponderIntegrityKey { get; init; }

    public required string Origin { get; init; }

    public string Describe() => Encryption.Name + (Encryption.IsCombined ? string.Empty : "/" + Integrity.Name);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"IKEv2 SA {InitiatorSpi:x16}/{ResponderSpi:x16} {Describe()} from {Origin}");
}

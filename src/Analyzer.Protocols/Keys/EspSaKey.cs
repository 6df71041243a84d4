using Analyzer.Core;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// The keys of one ESP SA (one SPI, one direction). Addresses or SPI may be wildcards, as in
/// Wireshark's esp_sa table. A secret: <see cref="ToString"/> never shows key material, and no
/// report renders a key; reports name only <see cref="Origin"/>.
/// </summary>
public sealed class EspSaKey
{
    public required uint? Spi { get; init; }

    /// <summary>Null matches any source address.</summary>
    public NetAddress? Source { get; init; }

    /// <summary>Null matches any destination address.</summary>
    public NetAddress? Destination { get; init; }

    public required EspEncryption Encryption { get; init; }

    public required byte[] EncryptionKey { get; init; }

    public required EspIntegrity Integrity { get; init; }

    public required byte[] IntegrityKey { get; init; }

    /// <summary>
    /// The SA uses 64-bit Extended Sequence Numbers (RFC 4303 §2.2.1): only the low 32 bits travel in
    /// the header, the high 32 enter the ICV (and AES-GCM's AAD, RFC 4106 §5). Set when the key source
    /// says so (ip xfrm state "flag esn").
    /// </summary>
    public bool ExtendedSequenceNumbers { get; init; }

    /// <summary>The high 32 bits the key source last saw (ip xfrm state's "seq-hi"/"oseq-hi"), where to start inferring them.</summary>
    public uint SequenceHighHint { get; init; }

    /// <summary>The file the key came from (its display name), the only thing a report says about it.</summary>
    public required string Origin { get; init; }

    /// <summary>
    /// The same SA's keys with initiator and responder swapped, when the source could not tell
    /// which direction this SA is (a charon log that does not show the CHILD_SA's initiator). The
    /// ICV decides which pair is right.
    /// </summary>
    public EspSaKey? Alternative { get; init; }

    public bool Matches(uint spi, NetAddress source, NetAddress destination) =>
        (Spi is null || Spi == spi) && (Source is null || Source == source) && (Destination is null || Destination == destination);

    /// <summary>Algorithms only, never key bytes.</summary>
    public EspKeyAlgorithms Algorithms => new(Encryption, EncryptionKey.Length, Integrity);

    /// <summary>Algorithms only, never key bytes.</summary>
    public string Describe() => EspAlgorithms.Name(Algorithms);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"ESP SA {(Spi is uint spi ? "0x" + spi.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) : "*")} {Describe()} from {Origin}");
}

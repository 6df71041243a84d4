using System.Buffers.Binary;
using System.IO.Hashing;

namespace Analyzer.Sessions.Ledger;

/// <summary>
/// Reads just enough of a payload to name the packet: the IKE header, the ESP SPI and sequence
/// number, the L2TP header. Small private span reads on purpose: the ledger must not depend on the
/// full protocol parsers, and a malformed payload still gets a (weak) key instead of an error.
/// </summary>
internal static class PacketFingerprint
{
    private const int IkeHeaderLength = 28;          // RFC 2408 §3.1, RFC 7296 §3.1
    private const int IkeVersionOffset = 17;
    private const int IkeFlagsOffset = 19;
    private const byte IkeV2InitiatorFlag = 0x08;     // RFC 7296 §3.1: the original initiator sent this message
    private const int EspHeaderLength = 8;            // RFC 4303 §2: SPI, sequence number

    private const ushort L2tpTypeBit = 0x8000;        // RFC 2661 §3.1: control message
    private const ushort L2tpLengthBit = 0x4000;
    private const ushort L2tpSequenceBit = 0x0800;
    private const ushort L2tpOffsetBit = 0x0200;
    private const ushort L2tpMessageTypeSccrq = 1;    // RFC 2661 §3.2

    private const byte TagIke = (byte)'I';
    private const byte TagEsp = (byte)'E';
    private const byte TagL2tp = (byte)'L';
    private const byte TagKeepalive = (byte)'K';
    private const byte TagOpaque = (byte)'?';

    /// <summary>The IKE header (all 28 bytes: cookies, next payload, version, exchange, flags, message id, length) is the key; retransmissions share it and the content hash.</summary>
    public static Fingerprint Ike(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < IkeHeaderLength)
        {
            return Opaque(TagIke, payload.Length);
        }

        ReadOnlySpan<byte> header = payload[..IkeHeaderLength];
        ulong initiatorCookie = BinaryPrimitives.ReadUInt64BigEndian(header);
        ulong responderCookie = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
        LedgerEntryFlags flags = LedgerEntryFlags.None;
        if ((header[IkeVersionOffset] >> 4) >= 2)
        {
            flags = (header[IkeFlagsOffset] & IkeV2InitiatorFlag) != 0 ? LedgerEntryFlags.FromInitiator : LedgerEntryFlags.FromResponder;
        }
        else if (responderCookie == 0)
        {
            // IKEv1: only the initiator can send before the responder chose its cookie.
            flags = LedgerEntryFlags.FromInitiator;
        }

        return new Fingerprint(Hash(TagIke, header), initiatorCookie, flags);
    }

    public static Fingerprint Esp(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < EspHeaderLength)
        {
            return Opaque(TagEsp, payload.Length);
        }

        uint spi = BinaryPrimitives.ReadUInt32BigEndian(payload);
        return new Fingerprint(Hash(TagEsp, payload[..EspHeaderLength]), spi, LedgerEntryFlags.None);
    }

    public static Fingerprint Keepalive() => new(Hash(TagKeepalive, []), 0, LedgerEntryFlags.WeakKey | LedgerEntryFlags.Keepalive);

    /// <summary>RFC 2661 §3.1 header: T L x x S x O P x x x x Ver, [Length], Tunnel ID, Session ID, [Ns, Nr], [Offset Size, pad].</summary>
    public static Fingerprint L2tp(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            return Opaque(TagL2tp, payload.Length);
        }

        ushort bits = BinaryPrimitives.ReadUInt16BigEndian(payload);
        if ((bits & 0x000F) != 2)
        {
            return Opaque(TagL2tp, payload.Length);   // L2TPv3 or not L2TP: no tunnel/session at fixed places
        }

        int offset = 2;
        if ((bits & L2tpLengthBit) != 0)
        {
            offset += 2;
        }

        int sequenceLength = (bits & L2tpSequenceBit) != 0 ? 4 : 0;
        if (payload.Length < offset + 4 + sequenceLength)
        {
            return Opaque(TagL2tp, payload.Length);
        }

        ushort tunnel = BinaryPrimitives.ReadUInt16BigEndian(payload[offset..]);
        Span<byte> key = stackalloc byte[14];
        BinaryPrimitives.WriteUInt16BigEndian(key, (ushort)(bits & (L2tpTypeBit | L2tpSequenceBit)));
        payload.Slice(offset, 4 + sequenceLength).CopyTo(key[2..]);        // tunnel, session, [Ns, Nr]
        BinaryPrimitives.WriteInt32BigEndian(key[10..], payload.Length);
        offset += 4 + sequenceLength;

        LedgerEntryFlags flags = sequenceLength == 0 ? LedgerEntryFlags.WeakKey : LedgerEntryFlags.None;
        if ((bits & L2tpTypeBit) != 0 && IsSccrq(payload, offset, bits))
        {
            flags |= LedgerEntryFlags.StartsTunnel;
        }

        return new Fingerprint(Hash(TagL2tp, key), tunnel, flags);
    }

    /// <summary>A payload too short or too odd to read: keyed by kind and length only, so it pairs by time.</summary>
    public static Fingerprint Opaque(byte tag, int length)
    {
        Span<byte> key = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(key, length);
        return new Fingerprint(Hash((byte)(tag ^ TagOpaque), key), 0, LedgerEntryFlags.WeakKey);
    }

    public static ulong ContentHash(ReadOnlySpan<byte> payload) => XxHash3.HashToUInt64(payload);

    /// <summary>The first AVP of a control message is Message Type (RFC 2661 §4.4.1): 6-byte AVP header, 2-byte value.</summary>
    private static bool IsSccrq(ReadOnlySpan<byte> payload, int offset, ushort bits)
    {
        if ((bits & L2tpOffsetBit) != 0)
        {
            if (payload.Length < offset + 2)
            {
                return false;
            }

            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(payload[offset..]);
        }

        if (payload.Length < offset + 8)
        {
            return false;
        }

        ReadOnlySpan<byte> avp = payload[offset..];
        return BinaryPrimitives.ReadUInt16BigEndian(avp[2..]) == 0      // IETF vendor
            && BinaryPrimitives.ReadUInt16BigEndian(avp[4..]) == 0      // Message Type
            && BinaryPrimitives.ReadUInt16BigEndian(avp[6..]) == L2tpMessageTypeSccrq;
    }

    /// <summary>The tag seeds the hash so an ESP key never equals an IKE key with the same bytes.</summary>
    private static ulong Hash(byte tag, ReadOnlySpan<byte> fields) => XxHash3.HashToUInt64(fields, tag);
}

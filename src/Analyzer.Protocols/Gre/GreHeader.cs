using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Gre;

/// <summary>
/// A GRE header: RFC 2784/2890 (version 0) or the enhanced GRE of PPTP (RFC 2637 §4.1, version 1):
/// <code>
/// |C|R|K|S|s|Recur|A| Flags | Ver |   Protocol Type (0x880B)   |
/// |  Key: Payload Length (16)      |   Key: Call ID (16)        |   (K)
/// |  Sequence Number (32)                                       |   (S)
/// |  Acknowledgment Number (32)                                 |   (A, version 1 only)
/// </code>
/// </summary>
public readonly record struct GreHeader(
    byte Version,
    ushort ProtocolType,
    bool HasKey,
    uint Key,
    bool HasSequence,
    uint Sequence,
    bool HasAcknowledgment,
    uint Acknowledgment,
    int HeaderLength)
{
    public const ushort PppProtocolType = 0x880B;
    private const int BaseLength = 4;

    /// <summary>Enhanced GRE (PPTP): the call id the receiver assigned, from the low half of the key.</summary>
    public ushort CallId => (ushort)Key;

    /// <summary>Enhanced GRE (PPTP): payload length from the high half of the key.</summary>
    public ushort PayloadLength => (ushort)(Key >> 16);

    public bool IsPptp => Version == 1 && ProtocolType == PppProtocolType;

    public static bool TryRead(ReadOnlySpan<byte> gre, out GreHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (gre.Length < BaseLength)
        {
            error = ParseError.Truncated(0, BaseLength, gre.Length);
            return false;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(gre);
        bool checksum = (flags & 0x8000) != 0;
        bool routing = (flags & 0x4000) != 0;
        bool key = (flags & 0x2000) != 0;
        bool sequence = (flags & 0x1000) != 0;
        bool ack = (flags & 0x0080) != 0;
        byte version = (byte)(flags & 0x7);
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(gre[2..]);
        if (version > 1)
        {
            error = ParseError.Unsupported(1, "GRE version " + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return false;
        }

        if (routing)
        {
            // Source routing (RFC 1701) is deprecated and never used by PPTP; its list is not walked.
            error = ParseError.Unsupported(0, "GRE source routing");
            return false;
        }

        int length = BaseLength + (checksum ? 4 : 0) + (key ? 4 : 0) + (sequence ? 4 : 0) + (ack && version == 1 ? 4 : 0);
        if (gre.Length < length)
        {
            error = ParseError.Truncated(0, length, gre.Length);
            return false;
        }

        int offset = BaseLength + (checksum ? 4 : 0);
        uint keyValue = 0;
        if (key)
        {
            keyValue = BinaryPrimitives.ReadUInt32BigEndian(gre[offset..]);
            offset += 4;
        }

        uint sequenceValue = 0;
        if (sequence)
        {
            sequenceValue = BinaryPrimitives.ReadUInt32BigEndian(gre[offset..]);
            offset += 4;
        }

        uint ackValue = 0;
        bool hasAck = ack && version == 1;
        if (hasAck)
        {
            ackValue = BinaryPrimitives.ReadUInt32BigEndian(gre[offset..]);
        }

        header = new GreHeader(version, protocol, key, keyValue, sequence, sequenceValue, hasAck, ackValue, length);
        return true;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Protocols.L2tp;

/// <summary>
/// The L2TPv2 header (RFC 2661 §3.1):
/// <code>
/// |T|L|x|x|S|x|O|P|x|x|x|x|  Ver  |          Length (opt)         |
/// |           Tunnel ID           |           Session ID          |
/// |             Ns (opt)          |             Nr (opt)          |
/// |      Offset Size (opt)        |    Offset pad... (opt)
/// </code>
/// A version 3 header (RFC 3931 over UDP) is recognised: <see cref="Version"/> is 3 and nothing
/// after the first word is read.
/// </summary>
public readonly record struct L2tpHeader(
    bool IsControl,
    bool HasLength,
    bool HasSequence,
    bool HasOffset,
    bool Priority,
    byte Version,
    ushort Length,
    ushort TunnelId,
    ushort SessionId,
    ushort Ns,
    ushort Nr,
    int HeaderLength)
{
    public const int MinimumLength = 6;

    /// <summary>RFC 2661 §3.1: a control message must set L and S and clear O. Peers that do not are reported, not dropped.</summary>
    public bool ControlFlagsValid => !IsControl || (HasLength && HasSequence && !HasOffset);

    /// <summary>A control message with no AVP: a zero-length body acknowledgement (RFC 2661 §5.8).</summary>
    public bool IsZlb(int messageLength) => IsControl && HeaderLength == messageLength;

    /// <summary>
    /// Reads the header. For version 3 it returns true with only the flags and version filled,
    /// so the caller can report L2TPv3; any other version is <see cref="ParseErrorKind.Unsupported"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> l2tp, out L2tpHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (l2tp.Length < 2)
        {
            error = ParseError.Truncated(0, 2, l2tp.Length);
            return false;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(l2tp);
        bool control = (flags & 0x8000) != 0;
        bool hasLength = (flags & 0x4000) != 0;
        bool hasSequence = (flags & 0x0800) != 0;
        bool hasOffset = (flags & 0x0200) != 0;
        bool priority = (flags & 0x0100) != 0;
        byte version = (byte)(flags & 0x000F);
        if (version == 3)
        {
            header = new L2tpHeader(control, hasLength, hasSequence, hasOffset, priority, version, 0, 0, 0, 0, 0, 2);
            return true;
        }

        if (version != 2)
        {
            error = ParseError.Unsupported(1, string.Create(CultureInfo.InvariantCulture, $"L2TP version {version}"));
            return false;
        }

        int needed = 2 + (hasLength ? 2 : 0) + 4 + (hasSequence ? 4 : 0) + (hasOffset ? 2 : 0);
        if (l2tp.Length < needed)
        {
            error = ParseError.Truncated(0, needed, l2tp.Length);
            return false;
        }

        int offset = 2;
        ushort length = 0;
        if (hasLength)
        {
            length = BinaryPrimitives.ReadUInt16BigEndian(l2tp[offset..]);
            offset += 2;
        }

        ushort tunnel = BinaryPrimitives.ReadUInt16BigEndian(l2tp[offset..]);
        ushort session = BinaryPrimitives.ReadUInt16BigEndian(l2tp[(offset + 2)..]);
        offset += 4;
        ushort ns = 0;
        ushort nr = 0;
        if (hasSequence)
        {
            ns = BinaryPrimitives.ReadUInt16BigEndian(l2tp[offset..]);
            nr = BinaryPrimitives.ReadUInt16BigEndian(l2tp[(offset + 2)..]);
            offset += 4;
        }

        if (hasOffset)
        {
            ushort offsetSize = BinaryPrimitives.ReadUInt16BigEndian(l2tp[offset..]);
            offset += 2 + offsetSize;
        }

        if (hasLength && length < offset)
        {
            error = ParseError.BadLength(2, length, l2tp.Length);
            return false;
        }

        header = new L2tpHeader(control, hasLength, hasSequence, hasOffset, priority, version, length, tunnel, session, ns, nr, offset);
        return true;
    }
}

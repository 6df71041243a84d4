using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Protocols.Pptp;

/// <summary>
/// A PPTP control message (RFC 2637 §2): every one starts
/// <code>
/// |            Length             |      PPTP Message Type (1)    |
/// |                   Magic Cookie (0x1A2B3C4D)                   |
/// |    Control Message Type       |          Reserved0            |
/// </code>
/// Result and error codes sit at fixed offsets that depend on the control message type.
/// </summary>
public readonly ref struct PptpControlMessage
{
    public const int HeaderLength = 12;
    public const uint MagicCookie = 0x1A2B3C4D;

    /// <summary>The longest control message (Call-Disconnect-Notify, 148 bytes) with room to spare; longer lengths are rejected.</summary>
    public const int MaximumLength = 512;

    private PptpControlMessage(ushort length, PptpMessageType type, ReadOnlySpan<byte> message)
    {
        Length = length;
        Type = type;
        Bytes = message;
    }

    public ushort Length { get; }

    public PptpMessageType Type { get; }

    /// <summary>The whole message, header included.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>
    /// The length of the message at the start of <paramref name="stream"/>, once its first two bytes
    /// arrived; 0 while fewer than two bytes are buffered.
    /// </summary>
    public static int PeekLength(ReadOnlySpan<byte> stream) =>
        stream.Length < 2 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(stream);

    public static bool TryRead(ReadOnlySpan<byte> stream, out PptpControlMessage message, out ParseError error)
    {
        message = default;
        error = default;
        if (stream.Length < HeaderLength)
        {
            error = ParseError.Truncated(0, HeaderLength, stream.Length);
            return false;
        }

        ushort length = BinaryPrimitives.ReadUInt16BigEndian(stream);
        if (length < HeaderLength || length > MaximumLength)
        {
            error = ParseError.BadLength(0, length, stream.Length);
            return false;
        }

        ushort pptpType = BinaryPrimitives.ReadUInt16BigEndian(stream[2..]);
        uint cookie = BinaryPrimitives.ReadUInt32BigEndian(stream[4..]);
        if (cookie != MagicCookie)
        {
            error = new ParseError(ParseErrorKind.BadMagic, 4, string.Create(CultureInfo.InvariantCulture, $"magic cookie 0x{cookie:X8}, expected 0x1A2B3C4D"));
            return false;
        }

        if (pptpType != 1)
        {
            // Type 2 (management) is defined but never used; anything else is not PPTP.
            error = ParseError.Unsupported(2, string.Create(CultureInfo.InvariantCulture, $"PPTP message type {pptpType}"));
            return false;
        }

        if (stream.Length < length)
        {
            error = ParseError.Truncated(0, length, stream.Length);
            return false;
        }

        message = new PptpControlMessage(length, (PptpMessageType)BinaryPrimitives.ReadUInt16BigEndian(stream[8..]), stream[..length]);
        return true;
    }

    /// <summary>Result code, error code (and for CDN the cause) where this message type has them.</summary>
    public bool TryGetResult(out byte result, out byte errorCode)
    {
        int at = Type switch
        {
            PptpMessageType.StartControlConnectionReply => 14,
            PptpMessageType.StopControlConnectionReply => 12,
            PptpMessageType.EchoReply => 16,
            PptpMessageType.OutgoingCallReply => 16,
            PptpMessageType.IncomingCallReply => 16,
            PptpMessageType.CallDisconnectNotify => 14,
            _ => -1,
        };
        result = 0;
        errorCode = 0;
        if (at < 0 || Bytes.Length < at + 2)
        {
            return false;
        }

        result = Bytes[at];
        errorCode = Bytes[at + 1];
        return true;
    }

    /// <summary>The sender's own Call ID (OCRQ, OCRP, ICRQ, ICRP, CCRQ, CDN) where the message has one.</summary>
    public bool TryGetCallId(out ushort callId)
    {
        callId = 0;
        bool has = Type is PptpMessageType.OutgoingCallRequest or PptpMessageType.OutgoingCallReply
            or PptpMessageType.IncomingCallRequest or PptpMessageType.IncomingCallReply
            or PptpMessageType.CallClearRequest or PptpMessageType.CallDisconnectNotify;
        if (!has || Bytes.Length < 14)
        {
            return false;
        }

        callId = BinaryPrimitives.ReadUInt16BigEndian(Bytes[12..]);
        return true;
    }

    /// <summary>The peer's Call ID echoed in a reply (OCRP, ICRP) or in ICCN, SLI and WEN.</summary>
    public bool TryGetPeerCallId(out ushort peerCallId)
    {
        int at = Type switch
        {
            PptpMessageType.OutgoingCallReply or PptpMessageType.IncomingCallReply => 14,
            PptpMessageType.IncomingCallConnected or PptpMessageType.SetLinkInfo or PptpMessageType.WanErrorNotify => 12,
            _ => -1,
        };
        peerCallId = 0;
        if (at < 0 || Bytes.Length < at + 2)
        {
            return false;
        }

        peerCallId = BinaryPrimitives.ReadUInt16BigEndian(Bytes[at..]);
        return true;
    }

    /// <summary>Host Name and Vendor String (64 bytes each, NUL-padded) of a Start-Control-Connection-Request or -Reply.</summary>
    public bool TryGetHostAndVendor(out ReadOnlySpan<byte> hostName, out ReadOnlySpan<byte> vendor)
    {
        const int hostOffset = 28;
        const int fieldLength = 64;
        hostName = default;
        vendor = default;
        if (Type is not (PptpMessageType.StartControlConnectionRequest or PptpMessageType.StartControlConnectionReply)
            || Bytes.Length < hostOffset + (2 * fieldLength))
        {
            return false;
        }

        hostName = UntilNul(Bytes.Slice(hostOffset, fieldLength));
        vendor = UntilNul(Bytes.Slice(hostOffset + fieldLength, fieldLength));
        return true;
    }

    private static ReadOnlySpan<byte> UntilNul(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        return end < 0 ? field : field[..end];
    }
}

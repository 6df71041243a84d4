using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Protocols.L2tp;

/// <summary>
/// One AVP's value as text for the report: numbers in decimal, names from the registries, peer
/// strings raw (escaped later), hidden and vendor values as hex.
/// </summary>
public static class L2tpAvpFormatter
{
    public static string Format(L2tpAvp avp, L2tpMessageType carriedBy, int maxStringLength) => Format(avp, carriedBy, maxStringLength, out _);

    /// <summary>As <see cref="Format(L2tpAvp, L2tpMessageType, int)"/>; <paramref name="cut"/> says a peer string in it was longer than the limit.</summary>
    public static string Format(L2tpAvp avp, L2tpMessageType carriedBy, int maxStringLength, out bool cut)
    {
        cut = false;
        ReadOnlySpan<byte> value = avp.Value;
        if (avp.Hidden)
        {
            // Hidden AVPs are MD5-masked with the tunnel secret (RFC 2661 §4.3); without it they stay opaque.
            return string.Create(CultureInfo.InvariantCulture, $"hidden, {value.Length} bytes: {PeerText.Hex(value)}");
        }

        if (!avp.IsStandard)
        {
            return PeerText.Hex(value);
        }

        switch ((L2tpAvpType)avp.Type)
        {
            case L2tpAvpType.MessageType:
                return value.Length == 2 ? L2tpMessageTypes.Name(BinaryPrimitives.ReadUInt16BigEndian(value)) : PeerText.Hex(value);
            case L2tpAvpType.ResultCode:
                return FormatResult(value, carriedBy, maxStringLength, out cut);
            case L2tpAvpType.ProtocolVersion:
                return value.Length == 2 ? string.Create(CultureInfo.InvariantCulture, $"{value[0]}.{value[1]}") : PeerText.Hex(value);
            case L2tpAvpType.FramingCapabilities:
            case L2tpAvpType.FramingType:
                return value.Length == 4 ? Bits(BinaryPrimitives.ReadUInt32BigEndian(value), "asynchronous", "synchronous") : PeerText.Hex(value);
            case L2tpAvpType.BearerCapabilities:
            case L2tpAvpType.BearerType:
                return value.Length == 4 ? Bits(BinaryPrimitives.ReadUInt32BigEndian(value), "analog", "digital") : PeerText.Hex(value);
            case L2tpAvpType.HostName:
            case L2tpAvpType.VendorName:
            case L2tpAvpType.CalledNumber:
            case L2tpAvpType.CallingNumber:
            case L2tpAvpType.SubAddress:
            case L2tpAvpType.ProxyAuthenName:
            case L2tpAvpType.PrivateGroupId:
                return PeerText.Decode(value, maxStringLength, out cut);
            case L2tpAvpType.FirmwareRevision:
            case L2tpAvpType.AssignedTunnelId:
            case L2tpAvpType.ReceiveWindowSize:
            case L2tpAvpType.AssignedSessionId:
            case L2tpAvpType.ProxyAuthenId:
                return value.Length == 2 ? Number(BinaryPrimitives.ReadUInt16BigEndian(value)) : PeerText.Hex(value);
            case L2tpAvpType.CallSerialNumber:
            case L2tpAvpType.MinimumBps:
            case L2tpAvpType.MaximumBps:
            case L2tpAvpType.TxConnectSpeed:
            case L2tpAvpType.RxConnectSpeed:
            case L2tpAvpType.PhysicalChannelId:
                return value.Length == 4 ? Number(BinaryPrimitives.ReadUInt32BigEndian(value)) : PeerText.Hex(value);
            case L2tpAvpType.ProxyAuthenType:
                return value.Length == 2 ? L2tpAvpTypes.ProxyAuthenTypeName(BinaryPrimitives.ReadUInt16BigEndian(value)) : PeerText.Hex(value);
            case L2tpAvpType.Q931CauseCode:
                return value.Length >= 3
                    ? string.Create(CultureInfo.InvariantCulture, $"cause {BinaryPrimitives.ReadUInt16BigEndian(value)}, message {value[2]}")
                    : PeerText.Hex(value);
            case L2tpAvpType.SequencingRequired:
                return value.IsEmpty ? "yes" : PeerText.Hex(value);
            default:
                return PeerText.Hex(value);
        }
    }

    private static string FormatResult(ReadOnlySpan<byte> value, L2tpMessageType carriedBy, int maxStringLength, out bool cut)
    {
        cut = false;
        if (!L2tpResultCode.TryRead(value, out L2tpResultCode code, out _))
        {
            return PeerText.Hex(value);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{code.Result} ({L2tpResultCodes.ResultName(carriedBy, code.Result)})");
        if (code.Error is ushort error)
        {
            text.Append(CultureInfo.InvariantCulture, $", error {error} ({L2tpResultCodes.ErrorName(error)})");
        }

        if (!code.Message.IsEmpty)
        {
            text.Append(", message ").Append(PeerText.Decode(code.Message, maxStringLength, out cut));
        }

        return text.ToString();
    }

    private static string Number(uint value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bits(uint value, string bit1, string bit0)
    {
        // RFC 2661 §4.4.3: the last two bits are A (value 2) and S or D (value 1).
        bool first = (value & 2) != 0;
        bool second = (value & 1) != 0;
        return first && second ? bit1 + ", " + bit0 : first ? bit1 : second ? bit0 : "none";
    }
}

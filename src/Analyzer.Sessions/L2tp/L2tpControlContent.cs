using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.L2tp;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Sessions.L2tp;

/// <summary>
/// What one control message's AVPs say, copied out of the frame buffer: the message type (from the
/// first AVP, RFC 2661 §4.4.1), the ids the sender assigned, a result code, names, and every AVP
/// as text. Problems in the AVP list are collected, not thrown.
/// </summary>
internal sealed class L2tpControlContent
{
    /// <summary>
    /// AVPs kept per message: a structural bound of the parser (real messages carry a dozen). A longer
    /// list is cut and flagged in <see cref="AvpsCut"/>, which the tracker warns about once per capture.
    /// </summary>
    public const int MaxAvps = 256;

    /// <summary>The Message Type AVP's value, or null when the first AVP is not a Message Type (malformed).</summary>
    public ushort? MessageType { get; private set; }

    public ushort? AssignedTunnelId { get; private set; }

    public ushort? AssignedSessionId { get; private set; }

    public L2tpResult? Result { get; private set; }

    public string? HostName { get; private set; }

    public string? VendorName { get; private set; }

    public List<L2tpAvpValue> Avps { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>The message had more than <see cref="MaxAvps"/> AVPs; the rest are not listed.</summary>
    public bool AvpsCut { get; private set; }

    /// <summary>A peer string (host or vendor name, number, result message) was longer than the string limit and was cut.</summary>
    public bool TextCut { get; private set; }

    public static L2tpControlContent Read(ReadOnlySpan<byte> body, int bodyOffset, int maxStringLength)
    {
        var content = new L2tpControlContent();
        var reader = new L2tpAvpReader(body, bodyOffset);
        bool first = true;
        var carriedBy = L2tpMessageType.Zlb;
        while (true)
        {
            if (!reader.TryReadAvp(out L2tpAvp avp, out ParseError error))
            {
                if (error.IsError)
                {
                    content.Problems.Add("AVP " + error);
                }

                break;
            }

            if (first)
            {
                first = false;
                if (avp.IsStandard && avp.Type == (ushort)L2tpAvpType.MessageType && !avp.Hidden && avp.Value.Length == 2)
                {
                    content.MessageType = BinaryPrimitives.ReadUInt16BigEndian(avp.Value);
                    carriedBy = (L2tpMessageType)content.MessageType.Value;
                }
                else
                {
                    content.Problems.Add(string.Create(CultureInfo.InvariantCulture, $"first AVP at offset {avp.Offset} is {L2tpAvpTypes.Name(avp.VendorId, avp.Type)}, not Message Type"));
                }
            }

            if (content.Avps.Count >= MaxAvps)
            {
                content.AvpsCut = true;
                break;
            }

            content.Take(avp, carriedBy, maxStringLength);
        }

        return content;
    }

    private void Take(L2tpAvp avp, L2tpMessageType carriedBy, int maxStringLength)
    {
        // The formatter decodes the same peer strings the switch below keeps (host, vendor, result
        // message) with the same limit, so its flag covers them too.
        string text = L2tpAvpFormatter.Format(avp, carriedBy, maxStringLength, out bool cut);
        TextCut |= cut;
        Avps.Add(new L2tpAvpValue(avp.VendorId, avp.Type, L2tpAvpTypes.Name(avp.VendorId, avp.Type), text, avp.Mandatory, avp.Hidden));
        if (!avp.IsStandard || avp.Hidden)
        {
            return;
        }

        ReadOnlySpan<byte> value = avp.Value;
        switch ((L2tpAvpType)avp.Type)
        {
            case L2tpAvpType.AssignedTunnelId when value.Length == 2:
                AssignedTunnelId = BinaryPrimitives.ReadUInt16BigEndian(value);
                break;
            case L2tpAvpType.AssignedSessionId when value.Length == 2:
                AssignedSessionId = BinaryPrimitives.ReadUInt16BigEndian(value);
                break;
            case L2tpAvpType.HostName:
                HostName = PeerText.Decode(value, maxStringLength);
                break;
            case L2tpAvpType.VendorName:
                VendorName = PeerText.Decode(value, maxStringLength);
                break;
            case L2tpAvpType.ResultCode:
                if (L2tpResultCode.TryRead(value, out L2tpResultCode code, out ParseError error))
                {
                    Result = new L2tpResult(
                        code.Result,
                        L2tpResultCodes.ResultName(carriedBy, code.Result),
                        code.Error,
                        code.Error is ushort e ? L2tpResultCodes.ErrorName(e) : null,
                        code.Message.IsEmpty ? null : PeerText.Decode(code.Message, maxStringLength));
                }
                else
                {
                    Problems.Add("Result Code " + error.At(avp.Offset + L2tpAvpReader.AvpHeaderLength));
                }

                break;
        }
    }
}

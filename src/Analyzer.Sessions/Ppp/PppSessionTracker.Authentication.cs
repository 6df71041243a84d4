using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Sessions.Ppp;

/// <summary>The authentication phase: PAP (RFC 1334), CHAP and MS-CHAP (RFC 1994, 2433, 2759) and EAP (RFC 3748), with the result each gives.</summary>
public sealed partial class PppSessionTracker
{
    private string OnPap(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        ReadOnlySpan<byte> data = packet.Data;
        Session.AuthenticationProtocol ??= PppAuthenticationProtocol.Pap;
        if (packet.Code == 1)
        {
            // Authenticate-Request: Peer-ID length, Peer-ID, Password length, Password. The password is never kept.
            if (data.Length >= 1 && data[0] <= data.Length - 1)
            {
                Session.UserName = Text(data.Slice(1, data[0]), frame);
                return "peer " + Session.UserName;
            }

            Anomaly(frame, PppAnomalyKind.BadAuthenticationField, "PAP Authenticate-Request: Peer-ID length past the packet");
            return string.Empty;
        }

        string message = string.Empty;
        if (data.Length >= 1 && data[0] <= data.Length - 1)
        {
            message = Text(data.Slice(1, data[0]), frame);
        }
        else
        {
            // RFC 1334 §2.2.2: Ack and Nak always carry a Msg-Length, even for an empty message.
            Anomaly(frame, PppAnomalyKind.BadAuthenticationField, "PAP " + PppCodes.Name(PppProtocols.Pap, packet.Code) + ": Msg-Length missing or past the packet");
        }

        if (packet.Code is 2 or 3 && !fromClient)
        {
            SetResult(frame, packet.Code == 2, null, message);
        }

        return message;
    }

    private string OnChap(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        ReadOnlySpan<byte> data = packet.Data;
        Session.AuthenticationProtocol ??= PppAuthenticationProtocol.Chap;
        switch (packet.Code)
        {
            case 1:
            case 2:
                // Challenge/Response: Value-Size, Value, Name (the responder's user name, e.g. DOMAIN\user).
                if (data.Length < 1 || data[0] > data.Length - 1)
                {
                    Anomaly(frame, PppAnomalyKind.BadAuthenticationField, "CHAP " + PppCodes.Name(PppProtocols.Chap, packet.Code) + ": Value-Size past the packet");
                    return string.Empty;
                }

                string name = Text(data[(1 + data[0])..], frame);
                if (packet.Code == 2 && fromClient)
                {
                    Session.UserName = name;
                }
                else if (packet.Code == 1 && !fromClient && name.Length > 0)
                {
                    Session.AuthenticatorName ??= name;
                }

                return "name " + name;
            case 3:
            case 4:
                MsChapMessage message = MsChapMessage.Parse(data, _maxStringLength);
                NoteCut(message, frame);
                bool success = packet.Code == 3;
                if (!fromClient)
                {
                    SetResult(frame, success, message.ErrorCode, success ? message.Message ?? Text(data, frame) : message.ToString());
                }

                return message.ErrorCode is null && message.Message is null ? Text(data, frame) : message.ToString();
        }

        return string.Empty;
    }

    private string OnEap(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        ReadOnlySpan<byte> data = packet.Data;
        Session.AuthenticationProtocol ??= PppAuthenticationProtocol.Eap;
        switch (packet.Code)
        {
            case 1:
            case 2:
                if (data.IsEmpty)
                {
                    return string.Empty;
                }

                byte type = data[0];
                if (type == EapTypes.Identity && packet.Code == 2 && fromClient)
                {
                    Session.UserName = Text(data[1..], frame);
                    return "Identity " + Session.UserName;
                }

                // EAP-MSCHAPv2 (RFC draft-kamath): OpCode, MS-CHAPv2-ID, MS-Length, then a Failure carries "E=... M=...".
                if (type == 26 && data.Length > 5 && data[1] == 4 && !fromClient)
                {
                    MsChapMessage failure = MsChapMessage.Parse(data[5..], _maxStringLength);
                    NoteCut(failure, frame);
                    SetResult(frame, false, failure.ErrorCode, failure.ToString());
                    return EapTypes.Name(type) + " Failure " + failure;
                }

                return EapTypes.Name(type);
            case 3:
            case 4:
                if (!fromClient)
                {
                    SetResult(frame, packet.Code == 3, Session.AuthenticationErrorCode, Session.AuthenticationMessage);
                }

                return string.Empty;
        }

        return string.Empty;
    }

    private void SetResult(FrameRef frame, bool success, int? errorCode, string? message)
    {
        Session.AuthenticationResult = success ? PppAuthenticationResult.Success : PppAuthenticationResult.Failure;
        Session.AuthenticationErrorCode = errorCode;
        Session.AuthenticationMessage = string.IsNullOrEmpty(message) ? Session.AuthenticationMessage : message;
        Session.AuthenticationFrame = frame;
    }

    /// <summary>Peer text cut at the string limit; the first cut in the capture is warned about.</summary>
    private string Text(ReadOnlySpan<byte> bytes, FrameRef frame)
    {
        string text = PeerText.Decode(bytes, _maxStringLength, out bool cut);
        if (cut)
        {
            _notices?.TextCut(PeerString, frame);
        }

        return text;
    }

    private void NoteCut(MsChapMessage message, FrameRef frame)
    {
        if (message.MessageCut)
        {
            _notices?.TextCut(MsChapText, frame);
        }
    }
}

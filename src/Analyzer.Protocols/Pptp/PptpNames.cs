using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Pptp;

/// <summary>Message type, result code and general error code names of RFC 2637 §2.</summary>
public static class PptpNames
{
    private static readonly FrozenDictionary<ushort, string> Types = new Dictionary<ushort, string>
    {
        [1] = "Start-Control-Connection-Request",
        [2] = "Start-Control-Connection-Reply",
        [3] = "Stop-Control-Connection-Request",
        [4] = "Stop-Control-Connection-Reply",
        [5] = "Echo-Request",
        [6] = "Echo-Reply",
        [7] = "Outgoing-Call-Request",
        [8] = "Outgoing-Call-Reply",
        [9] = "Incoming-Call-Request",
        [10] = "Incoming-Call-Reply",
        [11] = "Incoming-Call-Connected",
        [12] = "Call-Clear-Request",
        [13] = "Call-Disconnect-Notify",
        [14] = "WAN-Error-Notify",
        [15] = "Set-Link-Info",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, string> StartReplyResults = Table("Successful channel establishment", "General error", "Command channel already exists", "Requester is not authorized to establish a command channel", "The protocol version of the requester is not supported");

    private static readonly FrozenDictionary<byte, string> GeneralResults = Table("OK", "General error");

    private static readonly FrozenDictionary<byte, string> OutgoingReplyResults = Table("Connected", "General error", "No carrier", "Busy", "No dial tone", "Time-out", "Do not accept");

    private static readonly FrozenDictionary<byte, string> IncomingReplyResults = Table("Connect", "General error", "Do not accept");

    private static readonly FrozenDictionary<byte, string> DisconnectResults = Table("Lost carrier", "General error", "Admin shutdown", "Request");

    private static readonly FrozenDictionary<byte, string> Errors = new Dictionary<byte, string>
    {
        [0] = "None",
        [1] = "Not-Connected",
        [2] = "Bad-Format",
        [3] = "Bad-Value",
        [4] = "No-Resource",
        [5] = "Bad-Call ID",
        [6] = "PAC-Error",
    }.ToFrozenDictionary();

    public static string TypeName(PptpMessageType type) => TypeName((ushort)type);

    public static string TypeName(ushort type) =>
        Types.TryGetValue(type, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({type})");

    /// <summary>Result codes mean different things per reply type; "General error" adds the error code's name.</summary>
    public static string ResultName(PptpMessageType type, byte result, byte error)
    {
        FrozenDictionary<byte, string> table = type switch
        {
            PptpMessageType.StartControlConnectionReply => StartReplyResults,
            PptpMessageType.OutgoingCallReply => OutgoingReplyResults,
            PptpMessageType.IncomingCallReply => IncomingReplyResults,
            PptpMessageType.CallDisconnectNotify => DisconnectResults,
            _ => GeneralResults,
        };
        string name = table.TryGetValue(result, out string? known) ? known : string.Create(CultureInfo.InvariantCulture, $"unknown ({result})");
        string text = string.Create(CultureInfo.InvariantCulture, $"{result} ({name})");
        if (result == 2)
        {
            string errorName = Errors.TryGetValue(error, out string? e) ? e : string.Create(CultureInfo.InvariantCulture, $"unknown ({error})");
            text += string.Create(CultureInfo.InvariantCulture, $", error {error} ({errorName})");
        }

        return text;
    }

    /// <summary>True when the result code reports success: 1 in replies; in a Call-Disconnect-Notify, 4 (Request) is the normal end.</summary>
    public static bool IsSuccess(PptpMessageType type, byte result) =>
        result == 1 ? type != PptpMessageType.CallDisconnectNotify : type == PptpMessageType.CallDisconnectNotify && result == 4;

    private static FrozenDictionary<byte, string> Table(params string[] namesFromOne)
    {
        var table = new Dictionary<byte, string>(namesFromOne.Length);
        for (int i = 0; i < namesFromOne.Length; i++)
        {
            table[(byte)(i + 1)] = namesFromOne[i];
        }

        return table.ToFrozenDictionary();
    }
}

using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.L2tp;

/// <summary>Short names of control message types as RFC 2661 §6 abbreviates them (tshark uses the same).</summary>
public static class L2tpMessageTypes
{
    private static readonly FrozenDictionary<ushort, string> Names = new Dictionary<ushort, string>
    {
        [0] = "ZLB",
        [1] = "SCCRQ",
        [2] = "SCCRP",
        [3] = "SCCCN",
        [4] = "StopCCN",
        [6] = "HELLO",
        [7] = "OCRQ",
        [8] = "OCRP",
        [9] = "OCCN",
        [10] = "ICRQ",
        [11] = "ICRP",
        [12] = "ICCN",
        [14] = "CDN",
        [15] = "WEN",
        [16] = "SLI",
    }.ToFrozenDictionary();

    /// <summary>"SCCRQ", "CDN"...; "unknown (N)" for anything else (5 and 13 are reserved).</summary>
    public static string Name(ushort type) =>
        Names.TryGetValue(type, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({type})");

    /// <summary>The name of a recorded message's type: "ZLB", "SCCRQ"...; "malformed" when it had no readable Message Type AVP (null).</summary>
    public static string Name(L2tpMessageType? type) => type is L2tpMessageType known ? Name((ushort)known) : "malformed";

    /// <summary>Messages that belong to a session (carry a Session ID) rather than to the tunnel.</summary>
    public static bool IsSessionMessage(L2tpMessageType type) => type is >= L2tpMessageType.OutgoingCallRequest and <= L2tpMessageType.SetLinkInfo;
}

using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Ppp;

/// <summary>EAP method types (IANA "Extensible Authentication Protocol (EAP) Registry"), the ones Windows and strongSwan use.</summary>
public static class EapTypes
{
    public const byte Identity = 1;

    private static readonly FrozenDictionary<byte, string> Names = new Dictionary<byte, string>
    {
        [1] = "Identity",
        [2] = "Notification",
        [3] = "Legacy Nak",
        [4] = "MD5-Challenge",
        [5] = "One-Time Password",
        [6] = "Generic Token Card",
        [13] = "EAP-TLS",
        [17] = "LEAP",
        [18] = "EAP-SIM",
        [21] = "EAP-TTLS",
        [23] = "EAP-AKA",
        [25] = "PEAP",
        [26] = "EAP-MSCHAPv2",
        [29] = "EAP-MSCHAPv2 (Microsoft)",
        [33] = "EAP-TLV",
        [43] = "EAP-FAST",
        [254] = "Expanded",
    }.ToFrozenDictionary();

    public static string Name(byte type) =>
        Names.TryGetValue(type, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({type})");
}

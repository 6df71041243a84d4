using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Ppp;

/// <summary>Packet code names per protocol: LCP (RFC 1661 §5, RFC 1570), NCPs and CCP (codes 1–7, CCP 14/15), PAP (RFC 1334), CHAP (RFC 1994), EAP (RFC 3748).</summary>
public static class PppCodes
{
    public const byte ConfigureRequest = 1;
    public const byte ConfigureAck = 2;
    public const byte ConfigureNak = 3;
    public const byte ConfigureReject = 4;
    public const byte TerminateRequest = 5;
    public const byte TerminateAck = 6;
    public const byte ProtocolReject = 8;

    private static readonly FrozenDictionary<byte, string> Lcp = new Dictionary<byte, string>
    {
        [1] = "Configure-Request",
        [2] = "Configure-Ack",
        [3] = "Configure-Nak",
        [4] = "Configure-Reject",
        [5] = "Terminate-Request",
        [6] = "Terminate-Ack",
        [7] = "Code-Reject",
        [8] = "Protocol-Reject",
        [9] = "Echo-Request",
        [10] = "Echo-Reply",
        [11] = "Discard-Request",
        [12] = "Identification",
        [13] = "Time-Remaining",
        [14] = "Reset-Request",
        [15] = "Reset-Ack",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, string> Pap = new Dictionary<byte, string>
    {
        [1] = "Authenticate-Request",
        [2] = "Authenticate-Ack",
        [3] = "Authenticate-Nak",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, string> Chap = new Dictionary<byte, string>
    {
        [1] = "Challenge",
        [2] = "Response",
        [3] = "Success",
        [4] = "Failure",
        [7] = "Change-Password",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, string> Eap = new Dictionary<byte, string>
    {
        [1] = "Request",
        [2] = "Response",
        [3] = "Success",
        [4] = "Failure",
    }.ToFrozenDictionary();

    public static string Name(ushort protocol, byte code)
    {
        FrozenDictionary<byte, string> table = protocol switch
        {
            PppProtocols.Pap => Pap,
            PppProtocols.Chap => Chap,
            PppProtocols.Eap => Eap,
            _ => Lcp,
        };

        // Codes 8–13 exist only in LCP; 14–15 only in CCP. Elsewhere they are unknown.
        bool valid = protocol switch
        {
            PppProtocols.Lcp => code <= 13,
            PppProtocols.Ccp or 0x80FB => code is <= 7 or 14 or 15,
            PppProtocols.Pap or PppProtocols.Chap or PppProtocols.Eap => true,
            _ => code <= 7,
        };
        return valid && table.TryGetValue(code, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({code})");
    }
}

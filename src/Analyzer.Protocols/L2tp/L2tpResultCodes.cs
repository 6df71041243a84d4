using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.L2tp;

/// <summary>
/// Result and error codes of the Result Code AVP (RFC 2661 §4.4.2). Result codes mean different
/// things in StopCCN and in CDN; error codes are shared.
/// </summary>
public static class L2tpResultCodes
{
    private static readonly FrozenDictionary<ushort, string> StopCcnResults = new Dictionary<ushort, string>
    {
        [0] = "Reserved",
        [1] = "General request to clear control connection",
        [2] = "General error (see Error Code)",
        [3] = "Control channel already exists",
        [4] = "Requester is not authorized to establish a control channel",
        [5] = "The protocol version of the requester is not supported",
        [6] = "Requester is being shut down",
        [7] = "Finite State Machine error",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ushort, string> CdnResults = new Dictionary<ushort, string>
    {
        [0] = "Reserved",
        [1] = "Call disconnected due to loss of carrier",
        [2] = "Call disconnected for the reasons indicated in error code",
        [3] = "Call disconnected for administrative reasons",
        [4] = "Call failed due to lack of appropriate facilities being available (temporary condition)",
        [5] = "Call failed due to lack of appropriate facilities being available (permanent condition)",
        [6] = "Invalid destination",
        [7] = "Call failed due to no carrier detected",
        [8] = "Call failed due to detection of a busy signal",
        [9] = "Call failed due to lack of a dial tone",
        [10] = "Call was not established within time allotted by LAC",
        [11] = "Call was connected but no appropriate framing was detected",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ushort, string> Errors = new Dictionary<ushort, string>
    {
        [0] = "No general error",
        [1] = "No control connection exists yet for this LAC-LNS pair",
        [2] = "Length is wrong",
        [3] = "One of the field values was out of range or reserved field was non-zero",
        [4] = "Insufficient resources to handle this operation now",
        [5] = "The Session ID is invalid in this context",
        [6] = "A generic vendor-specific error occurred in the LAC",
        [7] = "Try another LNS",
        [8] = "Session or tunnel was shutdown due to receipt of an unknown AVP with the M-bit set",
    }.ToFrozenDictionary();

    /// <summary>The result code's meaning for the message that carried it (StopCCN or CDN).</summary>
    public static string ResultName(L2tpMessageType carriedBy, ushort result)
    {
        FrozenDictionary<ushort, string> table = carriedBy == L2tpMessageType.StopControlConnectionNotification ? StopCcnResults : CdnResults;
        return table.TryGetValue(result, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({result})");
    }

    public static string ErrorName(ushort error) =>
        Errors.TryGetValue(error, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({error})");
}

using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.L2tp;

/// <summary>AVP names as RFC 2661 §4.4 gives them; vendor AVPs are named by vendor and type.</summary>
public static class L2tpAvpTypes
{
    private static readonly FrozenDictionary<ushort, string> Names = new Dictionary<ushort, string>
    {
        [0] = "Message Type",
        [1] = "Result Code",
        [2] = "Protocol Version",
        [3] = "Framing Capabilities",
        [4] = "Bearer Capabilities",
        [5] = "Tie Breaker",
        [6] = "Firmware Revision",
        [7] = "Host Name",
        [8] = "Vendor Name",
        [9] = "Assigned Tunnel ID",
        [10] = "Receive Window Size",
        [11] = "Challenge",
        [12] = "Q.931 Cause Code",
        [13] = "Challenge Response",
        [14] = "Assigned Session ID",
        [15] = "Call Serial Number",
        [16] = "Minimum BPS",
        [17] = "Maximum BPS",
        [18] = "Bearer Type",
        [19] = "Framing Type",
        [21] = "Called Number",
        [22] = "Calling Number",
        [23] = "Sub-Address",
        [24] = "(Tx) Connect Speed",
        [25] = "Physical Channel ID",
        [26] = "Initial Received LCP CONFREQ",
        [27] = "Last Sent LCP CONFREQ",
        [28] = "Last Received LCP CONFREQ",
        [29] = "Proxy Authen Type",
        [30] = "Proxy Authen Name",
        [31] = "Proxy Authen Challenge",
        [32] = "Proxy Authen ID",
        [33] = "Proxy Authen Response",
        [34] = "Call Errors",
        [35] = "ACCM",
        [36] = "Random Vector",
        [37] = "Private Group ID",
        [38] = "Rx Connect Speed",
        [39] = "Sequencing Required",
        [46] = "PPP Disconnect Cause Code",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ushort, string> ProxyAuthenTypes = new Dictionary<ushort, string>
    {
        [0] = "Reserved",
        [1] = "Textual username/password exchange",
        [2] = "PPP CHAP",
        [3] = "PPP PAP",
        [4] = "No Authentication",
        [5] = "Microsoft CHAP Version 1 (MSCHAPv1)",
    }.ToFrozenDictionary();

    public static string Name(ushort vendorId, ushort type)
    {
        if (vendorId != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Vendor {vendorId} AVP {type}");
        }

        return Names.TryGetValue(type, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({type})");
    }

    /// <summary>RFC 2661 §4.4.5 Proxy Authen Type values.</summary>
    public static string ProxyAuthenTypeName(ushort value) =>
        ProxyAuthenTypes.TryGetValue(value, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown ({value})");
}

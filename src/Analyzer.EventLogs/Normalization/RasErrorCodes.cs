using System.Collections.Frozen;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// RAS/VPN client error codes (RasClient 20220/20227, RemoteAccess 20271 binary data), with what
/// each means for an L2TP/IPsec connection. Source: Microsoft's "Routing and Remote Access error
/// codes" list (winerror.h/raserror.h), described here in our own words.
/// </summary>
public static class RasErrorCodes
{
    public static FrozenDictionary<long, string> Meanings { get; } = new Dictionary<long, string>
    {
        [600] = "an operation is pending",
        [619] = "the connection to the remote computer could not be established; the port was closed (often a firewall blocking the VPN protocol)",
        [628] = "the connection was closed by the remote computer before it was complete",
        [629] = "the connection was closed by the remote computer",
        [633] = "the modem or VPN device is already in use or not configured",
        [651] = "the modem or other connecting device reported an error",
        [678] = "the remote computer did not respond",
        [691] = "access denied: the user name or password is wrong, or the authentication protocol is not permitted on the server",
        [692] = "a hardware failure in the modem or other connecting device",
        [703] = "the connection needs information from the user, but the application does not allow user interaction",
        [718] = "the connection timed out waiting for a valid response from the remote PPP peer",
        [720] = "no PPP control protocol could be agreed (for example no common IP configuration or authentication protocol)",
        [721] = "the remote PPP peer is not responding",
        [732] = "the computers could not agree on PPP control protocols",
        [734] = "the PPP link control protocol was terminated",
        [735] = "the requested address was rejected by the server",
        [736] = "the remote computer terminated the control protocol",
        [738] = "the server did not assign an address",
        [741] = "the local computer does not support the required data encryption type",
        [742] = "the remote computer does not support the required data encryption type",
        [766] = "a certificate could not be found (the L2TP/IPsec connection needs a machine certificate or a pre-shared key)",
        [768] = "the connection attempt failed because encrypting the data failed",
        [769] = "the destination is not reachable",
        [778] = "it was not possible to verify the identity of the server",
        [781] = "the encryption attempt failed because no valid certificate was found",
        [786] = "L2TP/IPsec: no valid machine certificate on this computer for the security (IPsec) authentication",
        [787] = "L2TP/IPsec: the IPsec layer could not authenticate the remote computer (pre-shared key or certificate rejected)",
        [788] = "L2TP/IPsec: the IPsec layer could not negotiate compatible parameters with the remote computer",
        [789] = "L2TP/IPsec: the IPsec layer met a processing error during initial negotiation (often a pre-shared key mismatch, a missing certificate, or the server behind NAT without AssumeUDPEncapsulationContextOnSendRule)",
        [790] = "L2TP/IPsec: certificate validation on the remote computer failed",
        [791] = "L2TP/IPsec: no IPsec security policy was found for the connection",
        [792] = "L2TP/IPsec: IPsec security key negotiation timed out (IKE packets are not answered or are dropped on the way)",
        [793] = "L2TP/IPsec: an error occurred while negotiating IPsec security",
        [794] = "the RADIUS attribute for this user's framed protocol is not PPP",
        [800] = "the VPN connection could not be established: the server is unreachable or the security parameters do not match",
        [806] = "the VPN connection started but could not complete: a firewall between client and server blocks GRE (PPTP) or the VPN protocol",
        [807] = "the network connection to the VPN server was interrupted (latency, or the server reached its connection limit)",
        [809] = "the VPN server did not respond: a firewall or NAT device between client and server blocks UDP 500/4500 or ESP (or NAT-T is not allowed for a server behind NAT)",
        [810] = "the VPN connection could not use a valid certificate",
        [812] = "the connection was prevented by a policy on the RAS/VPN server (authentication method or network policy does not match the connection profile)",
        [813] = "a second broadband connection to the same destination already exists",
        [815] = "the broadband connection was lost (the modem may have been disconnected)",
        [829] = "the connection was closed because the modem disconnected unexpectedly",
        [835] = "the L2TP connection failed because the IPsec layer could not authenticate the remote computer's certificate",
        [847] = "the connection failed because the VPN protocol is not configured on the server",
        [849] = "the remote access server does not support the requested tunnel type",
        [850] = "the EAP type required by the server is not installed on this computer",
        [868] = "the VPN server's name could not be resolved",
        [13801] = "IKE authentication credentials are unacceptable (the certificate or pre-shared key was rejected)",
        [13806] = "IKE could not find a valid machine certificate",
        [13817] = "the certificate revocation check failed",
        [13843] = "an invalid IKE payload was received",
    }.ToFrozenDictionary();

    public static string? Describe(long code) =>
        Meanings.TryGetValue(code, out string? meaning) ? meaning
        : code is >= 13800 and < 14000 ? IkeErrorCodes.Describe(code)
        : null;
}

using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Ppp;

/// <summary>
/// The Windows Remote Access error codes (raserror.h, Microsoft's "Routing and Remote Access Error
/// Codes" table; numbers and symbols checked against it) a VPN user sees when PPP inside L2TP fails:
/// the codes an MS-CHAP/MS-CHAPv2 Failure carries in "E=" (RFC 2433 §4, RFC 2759 §6), and the ones
/// Windows reports for a link or NCP that does not come up. The meanings are ours, written for the
/// person fixing the account or the server. Rules name the code they point at (ppp-auth-failed: 691
/// unless the packet carries another; ppp-lcp-loop: 718 or 732; ppp-ipcp-failed: 720;
/// ppp-encryption-refused: 741/742).
/// </summary>
public static class RasErrors
{
    private static readonly FrozenDictionary<int, (string Symbol, string Meaning)> Table = new Dictionary<int, (string, string)>
    {
        [628] = ("ERROR_DISCONNECTION", "the connection was closed before it was complete"),
        [629] = ("ERROR_REMOTE_DISCONNECTION", "the remote computer closed the connection"),
        [646] = ("ERROR_RESTRICTED_LOGON_HOURS", "the account is not permitted to log on at this time of day"),
        [647] = ("ERROR_ACCT_DISABLED", "the account is disabled"),
        [648] = ("ERROR_PASSWD_EXPIRED", "the password of the account has expired"),
        [649] = ("ERROR_NO_DIALIN_PERMISSION", "the account has no permission to dial in (Network access permission in the user object or NPS policy)"),
        [691] = ("ERROR_AUTHENTICATION_FAILURE", "access denied: the user name or password is not valid on the domain"),
        [709] = ("ERROR_CHANGING_PASSWORD", "changing the password on the domain failed (too short, or matches a previous one)"),
        [718] = ("ERROR_PPP_TIMEOUT", "the remote computer did not answer PPP in time"),
        [720] = ("ERROR_PPP_NO_PROTOCOLS_CONFIGURED", "no PPP network protocol (IPCP) came up: typically the server could not give the client an address"),
        [732] = ("ERROR_PPP_NOT_CONVERGING", "the PPP link options (LCP) never converged"),
        [733] = ("ERROR_PPP_CP_REJECTED", "the server rejected the PPP control protocol for this network protocol"),
        [734] = ("ERROR_PPP_LCP_TERMINATED", "the PPP link control protocol was terminated"),
        [735] = ("ERROR_PPP_REQUIRED_ADDRESS_REJECTED", "the server rejected the address the client asked for"),
        [736] = ("ERROR_PPP_NCP_TERMINATED", "the remote computer terminated the PPP network control protocol"),
        [738] = ("ERROR_PPP_NO_ADDRESS_ASSIGNED", "the server did not assign an address"),
        [741] = ("ERROR_NO_LOCAL_ENCRYPTION", "this computer does not support the data encryption the other end requires"),
        [742] = ("ERROR_NO_REMOTE_ENCRYPTION", "the remote computer does not support the data encryption this end requires"),
        [812] = ("ERROR_SERVER_POLICY", "a policy on the VPN server prevented the connection (often the authentication method)"),
    }.ToFrozenDictionary();

    /// <summary>"ERROR_AUTHENTICATION_FAILURE: access denied: ..." or "unknown Windows error N".</summary>
    public static string Describe(int code) =>
        Table.TryGetValue(code, out (string Symbol, string Meaning) entry)
            ? entry.Symbol + ": " + entry.Meaning
            : string.Create(CultureInfo.InvariantCulture, $"unknown Windows error {code}");

    /// <summary>"error 691 (ERROR_AUTHENTICATION_FAILURE: ...)": how a finding names the error the user saw.</summary>
    public static string Name(int code) => string.Create(CultureInfo.InvariantCulture, $"error {code} ({Describe(code)})");

    public static bool IsKnown(int code) => Table.ContainsKey(code);
}

using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Ppp;

/// <summary>
/// The Windows error codes an MS-CHAP/MS-CHAPv2 Failure packet carries in "E=" (RFC 2433 §4,
/// RFC 2759 §6), with what each means for the person fixing the account.
/// </summary>
public static class MsChapErrors
{
    private static readonly FrozenDictionary<int, (string Symbol, string Meaning)> Table = new Dictionary<int, (string, string)>
    {
        [646] = ("ERROR_RESTRICTED_LOGON_HOURS", "the account is not permitted to log on at this time of day"),
        [647] = ("ERROR_ACCT_DISABLED", "the account is disabled"),
        [648] = ("ERROR_PASSWD_EXPIRED", "the password of the account has expired"),
        [649] = ("ERROR_NO_DIALIN_PERMISSION", "the account has no permission to dial in (Network access permission in the user object or NPS policy)"),
        [691] = ("ERROR_AUTHENTICATION_FAILURE", "access denied: the user name or password is not valid on the domain"),
        [709] = ("ERROR_CHANGING_PASSWORD", "changing the password on the domain failed (too short, or matches a previous one)"),
    }.ToFrozenDictionary();

    /// <summary>"ERROR_AUTHENTICATION_FAILURE: access denied: ..." or "unknown Windows error N".</summary>
    public static string Describe(int code) =>
        Table.TryGetValue(code, out (string Symbol, string Meaning) entry)
            ? entry.Symbol + ": " + entry.Meaning
            : string.Create(CultureInfo.InvariantCulture, $"unknown Windows error {code}");

    public static bool IsKnown(int code) => Table.ContainsKey(code);
}

using System.Globalization;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// The one spelling of an SA's Wireshark display filter. isakmp.ispi is a byte field; tshark (4.0
/// and later) takes its value as unseparated hex, the way it prints the field.
/// </summary>
public static class IkeDisplayFilter
{
    public static string ForInitiatorCookie(ulong cookie) => ForInitiatorCookieHex(cookie.ToString("x16", CultureInfo.InvariantCulture));

    public static string ForInitiatorCookieHex(string cookieHex) => "isakmp.ispi == " + cookieHex;
}

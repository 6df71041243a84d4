using System.Globalization;
using Analyzer.Reporting.Document;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Markdown;

/// <summary>Human names for the document's kebab-case values, shared by the Markdown and HTML writers.</summary>
public static class ReportLabels
{
    /// <summary>The exchange a document value names, spelled by the one table (<see cref="IkeExchangeNames"/>); unknown values as they are.</summary>
    public static string Exchange(string kebab) =>
        IkeExchangeNames.TryParseKebab(kebab, out IkeExchangeKind kind) && kind != IkeExchangeKind.Unknown ? IkeExchangeNames.Name(kind) : kebab;

    /// <summary>"MM3", "QM1", "IKE_AUTH": the short name of one message.</summary>
    public static string Message(ReportIkeMessage message) => Message(message.Exchange, message.Number, message.ExchangeType);

    public static string Message(string exchange, int number, int exchangeType)
    {
        string prefix = exchange switch
        {
            "main-mode" => "MM",
            "aggressive-mode" => "AM",
            "quick-mode" => "QM",
            "unknown" => "exchange " + exchangeType.ToString(CultureInfo.InvariantCulture),
            _ => Exchange(exchange),
        };
        return number > 0 && prefix.Length == 2 ? prefix + number.ToString(CultureInfo.InvariantCulture) : prefix;
    }

    /// <summary>A display filter for one SA, from the report's 16-hex-digit cookie (the one spelling: <see cref="Sessions.Ike.IkeDisplayFilter"/>).</summary>
    public static string IspiFilter(string cookieHex) =>
        ulong.TryParse(cookieHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong cookie)
            ? Sessions.Ike.IkeDisplayFilter.ForInitiatorCookie(cookie)
            : Sessions.Ike.IkeDisplayFilter.ForInitiatorCookieHex(cookieHex);

    public static string State(string kebab) => kebab.Replace('-', ' ');

    public static string Severity(string severity) => severity switch
    {
        "error" => "Error",
        "warning" => "Warning",
        "info" => "Info",
        "ok" => "OK",
        _ => severity,
    };

    /// <summary>"10:15:23.123456" from "2026-11-24T10:15:23.123456Z": tables show the time of day, the section the date.</summary>
    public static string TimeOfDay(string? iso)
    {
        if (string.IsNullOrEmpty(iso))
        {
            return string.Empty;
        }

        int t = iso.IndexOf('T', StringComparison.Ordinal);
        return t < 0 ? iso : iso[(t + 1)..].TrimEnd('Z');
    }

    public static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "unknown",
    };

    public static string Protocol(string protocol) => protocol switch
    {
        "udp500" => "IKE (UDP 500)",
        "udp4500" => "IKE/NAT-T (UDP 4500)",
        "esp" => "ESP",
        "udp1701" => "L2TP (UDP 1701)",
        "ip-fragments" => "IP fragments",
        _ => protocol,
    };
}

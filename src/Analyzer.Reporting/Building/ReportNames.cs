using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Analyzer.Core;
using Analyzer.Diagnosis;

namespace Analyzer.Reporting.Building;

/// <summary>How the report spells enum values, cookies, SPIs and times: one place, so every format agrees.</summary>
internal static class ReportNames
{
    /// <summary>"IkeSaInit" → "ike-sa-init", "InformationalV2" → "informational-v2".</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum =>
        KebabNames<T>.Names.GetOrAdd(value, static v => Spell(v.ToString()));

    private static string Spell(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            // A digit after a capital belongs to it ("V2" → "v2"), after a lower-case letter it starts a word.
            bool boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && char.IsLower(name[i - 1])));
            if (boundary)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    public static string Severity(Severity severity) => severity switch
    {
        Diagnosis.Severity.Error => "error",
        Diagnosis.Severity.Warning => "warning",
        _ => "info",
    };

    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>16 lowercase hex digits, as Wireshark prints isakmp.ispi/rspi.</summary>
    public static string Cookie(ulong cookie) => cookie.ToString("x16", CultureInfo.InvariantCulture);

    public static string Spi(uint spi) => "0x" + spi.ToString("x8", CultureInfo.InvariantCulture);

    public static string Time(Timestamp time) => time.ToIso8601();

    public static string? Time(Timestamp? time) => time?.ToIso8601();

    public static string Side(bool fromInitiator) => fromInitiator ? "initiator" : "responder";

    public static string ClientSide(bool fromClient) => fromClient ? "client" : "server";

    public static string? Date(DateTime? time) =>
        time is DateTime t ? t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Each value spelled once per run: the report names an exchange kind or state per message and
    /// per SA, and an enum's name under Native AOT is read from metadata on every ToString.
    /// </summary>
    private static class KebabNames<T>
        where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Names = new();
    }
}

using System.Collections.Frozen;

namespace Analyzer.Diagnosis.Rules;

/// <summary>The closed sets a rule's fields take their values from (issue 7).</summary>
public static class RuleVocabulary
{
    public static FrozenSet<string> Categories { get; } =
        new[] { "certificates", "internet-devices", "negotiation", "l2tp-ppp", "server-resources", "events" }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Causes { get; } =
        new[] { "certificates", "internet-devices", "server-load", "interoperability" }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Owners { get; } =
        new[] { "network/firewall team", "VPN server admin", "client admin", "certificate authority", "vendor" }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Statuses { get; } =
        new[] { "stable", "test", "experimental" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Top-level keys in their required order (the Sigma convention: reviewers find each field in the same place).</summary>
    public static IReadOnlyList<string> FieldOrder { get; } =
    [
        "id", "title", "status", "severity", "category", "cause", "owner", "description", "subject", "condition",
        "summary", "evidence", "fromLogs", "remediation", "references", "explains", "stages", "falsepositives", "examples",
    ];

    public static bool TryParseSeverity(string? text, out Severity severity)
    {
        switch (text)
        {
            case "info":
                severity = Severity.Info;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            case "error":
                severity = Severity.Error;
                return true;
            default:
                severity = Severity.Info;
                return false;
        }
    }

    public static bool IsRuleId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Split('-').All(part => part.Length > 0 && part.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')));
}

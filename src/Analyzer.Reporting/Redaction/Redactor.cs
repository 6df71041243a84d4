using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analyzer.Reporting.Json;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// Applies pseudonyms to a whole report document, once, before any format is rendered. It works on
/// the document's JSON tree, so every string field is covered, the ones added later included:
/// first it learns the secrets from fields whose meaning is known (identities, host and user names,
/// certificate subjects, event data named like a user or computer), then it rewrites every string,
/// replacing whole secret values, secrets inside free text, and IP addresses anywhere.
/// </summary>
public static partial class Redactor
{
    private static readonly string[] UserFieldHints = ["user", "account", "identity", "login"];
    private static readonly string[] HostFieldHints = ["computer", "machine", "host", "workstation", "fqdn", "servername", "clientname", "dnsname"];
    private static readonly string[] SubjectFieldHints = ["subject", "issuer", "certificateauthority", "distinguishedname"];

    public static ReportDocument Apply(ReportDocument document)
    {
        JsonNode root = JsonSerializer.SerializeToNode(document, ReportJsonContext.Default.ReportDocument)
            ?? throw new InvalidOperationException("report document serialised to null");
        var names = new NamePseudonyms();
        Learn(root, null, names);
        var addresses = new AddressPseudonyms();
        Rewrite(root, null, names, addresses);
        root["redacted"] = true;
        return root.Deserialize(ReportJsonContext.Default.ReportDocument)
            ?? throw new InvalidOperationException("redacted report did not deserialise");
    }

    private static void Learn(JsonNode? node, string? propertyName, NamePseudonyms names)
    {
        switch (node)
        {
            case JsonObject obj:
                LearnFromPair(obj, names);
                foreach (KeyValuePair<string, JsonNode?> property in obj)
                {
                    if (property.Key == "tool")
                    {
                        continue;
                    }

                    Learn(property.Value, property.Key, names);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Learn(item, propertyName, names);
                }

                break;
            case JsonValue value when propertyName is not null && value.TryGetValue(out string? text):
                if (Classify(propertyName) is SecretKind kind)
                {
                    Register(names, kind, text);
                }
                else if (propertyName.Contains("principal", StringComparison.OrdinalIgnoreCase))
                {
                    Register(names, KindOfValue(text), text);
                }

                break;
        }
    }

    /// <summary>Objects whose meaning is in a sibling: an IKE identity {type, value}, an L2TP AVP {name, value}.</summary>
    private static void LearnFromPair(JsonObject obj, NamePseudonyms names)
    {
        if (!TryGetString(obj, "value", out string? value))
        {
            return;
        }

        if (TryGetString(obj, "type", out string? type))
        {
            string upper = type.ToUpperInvariant();
            if (upper.Contains("USER", StringComparison.Ordinal) || upper.Contains("RFC822", StringComparison.Ordinal))
            {
                Register(names, SecretKind.User, value);
            }
            else if (upper.Contains("FQDN", StringComparison.Ordinal))
            {
                Register(names, SecretKind.Host, value);
            }
            else if (upper.Contains("DN", StringComparison.Ordinal) || upper.Contains("KEY", StringComparison.Ordinal))
            {
                Register(names, SecretKind.Subject, value);
            }
        }

        if (TryGetString(obj, "name", out string? name) && Classify(name.Replace(" ", string.Empty, StringComparison.Ordinal)) is SecretKind kind)
        {
            Register(names, kind, value);
        }
    }

    /// <summary>A principal name is a certificate subject, a user or a host depending on how it is written.</summary>
    private static SecretKind KindOfValue(string value) =>
        value.Contains('=', StringComparison.Ordinal) ? SecretKind.Subject
        : value.Contains('@', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) ? SecretKind.User
        : SecretKind.Host;

    private static void Register(NamePseudonyms names, SecretKind kind, string value)
    {
        // Addresses get address pseudonyms (keeping subnet relations), never name pseudonyms.
        if (System.Net.IPAddress.TryParse(value, out _) && (value.Contains('.', StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal)))
        {
            return;
        }

        names.Register(kind, value);
        if (kind == SecretKind.Subject && CommonName().Match(value) is { Success: true } cn)
        {
            string common = cn.Groups[1].Value.Trim();
            names.Register(common.Contains('@', StringComparison.Ordinal) ? SecretKind.User
                : common.Contains('.', StringComparison.Ordinal) ? SecretKind.Host : SecretKind.User, common);
        }
    }

    /// <summary>Field names (report fields and event data names) that hold a secret of a known kind.</summary>
    private static SecretKind? Classify(string propertyName)
    {
        string name = propertyName.ToLowerInvariant();
        if (name is "username" or "clienthostname" or "serverhostname" or "computer")
        {
            return name == "username" ? SecretKind.User : SecretKind.Host;
        }

        if (ContainsAny(name, SubjectFieldHints))
        {
            return SecretKind.Subject;
        }

        if (ContainsAny(name, UserFieldHints) && !name.Contains("sid", StringComparison.Ordinal))
        {
            return SecretKind.User;
        }

        return ContainsAny(name, HostFieldHints) ? SecretKind.Host : null;
    }

    private static bool ContainsAny(string text, string[] hints)
    {
        foreach (string hint in hints)
        {
            if (text.Contains(hint, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Rewrite(JsonNode? node, string? propertyName, NamePseudonyms names, AddressPseudonyms addresses)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in new List<string>(obj.Select(p => p.Key)))
                {
                    if (key == "tool")
                    {
                        continue;
                    }

                    JsonNode? child = obj[key];
                    if (child is JsonValue value && value.TryGetValue(out string? text))
                    {
                        obj[key] = RewriteText(text, names, addresses);
                    }
                    else
                    {
                        Rewrite(child, key, names, addresses);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue(out string? text))
                    {
                        array[i] = RewriteText(text, names, addresses);
                    }
                    else
                    {
                        Rewrite(array[i], propertyName, names, addresses);
                    }
                }

                break;
        }
    }

    private static string RewriteText(string text, NamePseudonyms names, AddressPseudonyms addresses)
    {
        string replaced = names.Exact(text) ?? names.ReplaceWithin(text);
        replaced = Ipv4().Replace(replaced, match => addresses.Replace(match.Value));
        return Ipv6().Replace(replaced, match => addresses.Replace(match.Value));
    }

    private static bool TryGetString(JsonObject obj, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        return obj[name] is JsonValue node && node.TryGetValue(out value);
    }

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d]|\.\d)", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex Ipv4();

    // Candidates only: AddressPseudonyms.Replace keeps anything that does not parse as IPv6 (times like 10:15:23).
    [GeneratedRegex(@"(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:])", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex Ipv6();

    [GeneratedRegex(@"CN\s*=\s*([^,/+]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 5000)]
    private static partial Regex CommonName();
}

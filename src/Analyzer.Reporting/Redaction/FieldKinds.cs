using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// What kind of secret a named value holds, from its name: Windows event data ("TargetUserName",
/// "ComputerName", "LocalMMPrincipalName"), daemon fields the parsers extracted ("userName",
/// "peerIdentity", "remotePrincipal"), L2TP AVP names ("Host Name"). Null: not a name, though its
/// text is still scrubbed for addresses and known names.
/// </summary>
internal static class FieldKinds
{
    private static readonly string[] UserHints = ["user", "account", "identity", "login"];
    private static readonly string[] HostHints = ["computer", "machine", "host", "workstation", "fqdn", "servername", "clientname", "dnsname"];
    private static readonly string[] SubjectHints = ["subject", "issuer", "certificateauthority", "distinguishedname"];

    public static SecretKind? Of(string fieldName, string value)
    {
        string name = fieldName.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (name.Contains("principal", StringComparison.Ordinal))
        {
            return OfValue(value);
        }

        if (ContainsAny(name, SubjectHints))
        {
            return SecretKind.Subject;
        }

        if (ContainsAny(name, UserHints) && !name.Contains("sid", StringComparison.Ordinal))
        {
            return SecretKind.User;
        }

        return ContainsAny(name, HostHints) ? SecretKind.Host : null;
    }

    /// <summary>The kind of an IKE identity from its type number's <see cref="IdentityKind"/>.</summary>
    public static SecretKind? OfIdentity(IdentityKind kind, string value) => kind switch
    {
        // An address identity is scrubbed as addresses are; one whose value holds no address (a
        // damaged payload) is treated as a name, so nothing of it passes through unreplaced.
        IdentityKind.Address => AddressTokens.Find(value).Count > 0 ? null : OfValue(value),
        IdentityKind.User => SecretKind.User,
        IdentityKind.Host => SecretKind.Host,
        IdentityKind.KeyId => SecretKind.KeyId,
        IdentityKind.DirectoryName => SecretKind.Subject,
        // Reserved, private or unknown ID types (fuzzed or vendor captures) still carry a peer's
        // name: pseudonymise it by how it is written rather than let it through as text.
        _ => OfValue(value),
    };

    /// <summary>A principal name is a certificate subject, a user or a host depending on how it is written.</summary>
    public static SecretKind OfValue(string value) =>
        value.Contains('=', StringComparison.Ordinal) ? SecretKind.Subject
        : value.Contains('@', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) ? SecretKind.User
        : SecretKind.Host;

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
}

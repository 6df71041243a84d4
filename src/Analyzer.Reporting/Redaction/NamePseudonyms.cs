using System.Globalization;
using System.Text.RegularExpressions;

namespace Analyzer.Reporting.Redaction;

/// <summary>What kind of secret a value is; each kind has its own pseudonym series.</summary>
public enum SecretKind : byte
{
    Host,
    User,
    Subject,

    /// <summary>An IKE KEY_ID identity: opaque bytes, often a name in ASCII; replaced whole as "id-N".</summary>
    KeyId,

    /// <summary>The folder an input was read from ("/home/ann/tickets/acme-vpn"): replaced whole as "folder-N".</summary>
    Folder,
}

/// <summary>
/// Pseudonyms for host names, user names and certificate subjects, numbered by first appearance.
/// A host "vpn.corp.example" becomes "host-1.domain-1"; a user "CORP\alice" becomes
/// "domain-2\user-1" and "alice@corp.example" becomes "user-1@domain-1": parts are registered on
/// their own, so the same person or domain gets the same pseudonym wherever it appears.
/// </summary>
internal sealed class NamePseudonyms
{
    private const int ShortestReplaceable = 2;

    /// <summary>
    /// First labels too generic to replace on their own in free text ("vpn.corp.example" must not
    /// turn every "VPN" in a message into a pseudonym); the whole name is still replaced.
    /// </summary>
    private static readonly HashSet<string> GenericLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "vpn", "www", "mail", "gw", "gateway", "server", "router", "fw", "firewall", "remote", "access", "ras", "host", "localhost",
        "lns", "lac", "client", "ipsec", "l2tp", "nps", "radius", "dc", "ad", "ca", "pki", "sslvpn", "edge", "nat",
    };
    private readonly Dictionary<string, string> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
    private Regex? _matcher;

    public int Count => _known.Count;

    /// <summary>Every real name (and name part) given a pseudonym so far.</summary>
    public IEnumerable<string> Originals => _known.Keys;

    public void Register(SecretKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < ShortestReplaceable || _known.ContainsKey(value))
        {
            return;
        }

        _matcher = null;
        _known[value] = kind switch
        {
            SecretKind.User => UserPseudonym(value),
            SecretKind.Subject => "CN=" + Next("subject"),
            SecretKind.KeyId => Next("id"),
            SecretKind.Folder => Next("folder"),
            _ => HostPseudonym(value),
        };
    }

    /// <summary>
    /// Registers a value under a pseudonym made elsewhere (an input's label, numbered by input and
    /// keeping its extension); the first label given to a value stays.
    /// </summary>
    public void RegisterAs(string? value, string pseudonym)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length < ShortestReplaceable || _known.ContainsKey(value))
        {
            return;
        }

        _matcher = null;
        _known[value] = pseudonym;
    }

    /// <summary>The next number of a pseudonym series ("input" gives 1, 2, …).</summary>
    public int NextNumber(string series)
    {
        int next = _counters.GetValueOrDefault(series) + 1;
        _counters[series] = next;
        return next;
    }

    /// <summary>The pseudonym of a whole registered value, or null.</summary>
    public string? Exact(string value) => _known.GetValueOrDefault(value);

    /// <summary>Replaces every registered name inside free text (whole words, any case).</summary>
    public string ReplaceWithin(string text)
    {
        if (_known.Count == 0 || text.Length < ShortestReplaceable)
        {
            return text;
        }

        _matcher ??= BuildMatcher();
        return _matcher.Replace(text, match => _known.GetValueOrDefault(match.Value) ?? match.Value);
    }

    private Regex BuildMatcher()
    {
        var names = new List<string>(_known.Keys);
        names.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        var alternatives = new List<string>(names.Count);
        foreach (string name in names)
        {
            alternatives.Add(Regex.Escape(name));
        }

        // Word boundaries made of letters, digits, '_' and '-', so "alice" does not hit "malice".
        string pattern = @"(?<![\p{L}\p{N}_-])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}_-])";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    private string HostPseudonym(string host)
    {
        int dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == host.Length - 1)
        {
            return Next("host");
        }

        string label = host[..dot];
        string domain = host[(dot + 1)..];
        string labelPseudonym = GenericLabels.Contains(label) ? Next("host") : GetOrAdd(label, "host");
        return labelPseudonym + "." + DomainPseudonym(domain);
    }

    private string UserPseudonym(string user)
    {
        int backslash = user.IndexOf('\\', StringComparison.Ordinal);
        if (backslash > 0 && backslash < user.Length - 1)
        {
            return DomainPseudonym(user[..backslash]) + "\\" + GetOrAdd(user[(backslash + 1)..], "user");
        }

        int at = user.LastIndexOf('@');
        if (at > 0 && at < user.Length - 1)
        {
            return GetOrAdd(user[..at], "user") + "@" + DomainPseudonym(user[(at + 1)..]);
        }

        return Next("user");
    }

    private string DomainPseudonym(string domain) => GetOrAdd(domain, "domain");

    /// <summary>A part (label, domain, bare user) keeps one pseudonym and is itself replaced in free text.</summary>
    private string GetOrAdd(string part, string series)
    {
        if (_known.TryGetValue(part, out string? existing))
        {
            return existing;
        }

        string pseudonym = Next(series);
        if (part.Length >= ShortestReplaceable)
        {
            _known[part] = pseudonym;
        }

        return pseudonym;
    }

    private string Next(string series) => series + "-" + NextNumber(series).ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// The one place a real address, port or name becomes the text a redacted report shows. The report
/// builder calls it with typed values (<see cref="NetAddress"/>, <see cref="NetEndpoint"/>, an
/// identity with its type) as it builds the document, and with free text (log lines, finding
/// summaries, notify details) that it scrubs with the same mapping; no renderer sees a real value.
/// Pseudonyms are numbered by first appearance, so they are stable within a report and across its
/// formats, and the same on every run. It remembers every original it replaced for
/// <see cref="LeakCheck"/>.
/// </summary>
public sealed partial class Pseudonymiser
{
    private readonly AddressPseudonyms _addresses = new();
    private readonly NamePseudonyms _names = new();
    private readonly Dictionary<ushort, string> _ports = [];

    /// <summary>
    /// Ports kept as they are: the well-known range and the registered ports of the protocols
    /// vpndiag reads (IKE 500, NAT-T 4500, L2TP 1701, PPTP 1723, RADIUS 1812/1813). They name a
    /// service, not a host. Every other port, above all the source port a NAT mapped a client to,
    /// is one host's connection and is replaced ("port-1").
    /// </summary>
    public static bool KeepsPort(ushort port) => port <= 1023 || port is VpnPorts.L2tp or VpnPorts.Pptp or VpnPorts.NatTraversal or 1812 or 1813;

    public string Address(NetAddress address) => _addresses.Of(address);

    /// <summary>"ipv4-1:4500", "[ipv6-1]:port-2", "ipv4-private-1" (no port): the spelling of <see cref="NetEndpoint.ToString"/>.</summary>
    public string Endpoint(NetEndpoint endpoint)
    {
        string address = _addresses.Of(endpoint.Address);
        if (endpoint.Port == 0)
        {
            return address;
        }

        string port = Port(endpoint.Port);
        return endpoint.Address.IsV6 ? "[" + address + "]:" + port : address + ":" + port;
    }

    public string Port(ushort port)
    {
        if (KeepsPort(port))
        {
            return port.ToString(CultureInfo.InvariantCulture);
        }

        if (!_ports.TryGetValue(port, out string? pseudonym))
        {
            pseudonym = "port-" + (_ports.Count + 1).ToString(CultureInfo.InvariantCulture);
            _ports[port] = pseudonym;
        }

        return pseudonym;
    }

    /// <summary>
    /// Learns a name of a known kind without writing it, so free text made before the name's own
    /// field is built is already scrubbed of it (the builder learns the whole model first).
    /// </summary>
    public void Learn(SecretKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || LooksLikeAddress(value))
        {
            // Addresses get address pseudonyms (kind kept), never name pseudonyms.
            return;
        }

        _names.Register(kind, value);
        if (kind == SecretKind.Subject)
        {
            foreach (Match part in NamingAttribute().Matches(value))
            {
                string common = part.Groups[2].Value.Trim();
                string attribute = part.Groups[1].Value.ToUpperInvariant();
                SecretKind partKind = attribute is "E" or "EMAIL" or "EMAILADDRESS" || common.Contains('@', StringComparison.Ordinal) ? SecretKind.User
                    : common.Contains('.', StringComparison.Ordinal) ? SecretKind.Host : SecretKind.User;
                _names.Register(partKind, common);
            }
        }
    }

    /// <summary>
    /// Gives a file the report names a stable label, "input-1.pcap" (or "file-1.txt" for a file that
    /// was skipped), and learns its path and name under it. A file name is chosen by whoever saved it
    /// ("jdoe-laptop.pcap", "C:\Users\jdoe\…\RasClient.evtx", "192.0.2.7-server.pcapng"), so no part of
    /// it is kept but its extension, which says what kind of file it is. Call in input order, before
    /// any text is made.
    /// </summary>
    /// <param name="number">The input's own number (its index + 1); null numbers the file in its series by first appearance.</param>
    public string LearnFile(string series, string? path, string displayName, int? number = null)
    {
        if (_names.Exact(displayName) is string known)
        {
            return known;
        }

        if (FileName(displayName) is "esp_sa" or "ikev1_decryption_table" or "ikev2_decryption_table")
        {
            // Wireshark's own names for its key tables: they name a table, not whoever saved it, and
            // the report's advice spells them. Their folder is still replaced.
            return displayName;
        }

        string label = series + "-" + (number ?? _names.NextNumber(series)).ToString(CultureInfo.InvariantCulture) + Extension(FileName(displayName));
        _names.RegisterAs(displayName, label);
        _names.RegisterAs(path, label);
        _names.RegisterAs(FileName(displayName), label);
        _names.RegisterAs(FileName(path), label);
        return label;
    }

    // Both separators: a Windows path read on Linux is one "file name" to System.IO.Path.
    private static string? FileName(string? path) => path is null ? null : path[(path.LastIndexOfAny(['/', '\\']) + 1)..];

    /// <summary>".pcap", ".pcap.gz", ".evtx": the last one or two short alphanumeric suffixes, or nothing.</summary>
    private static string Extension(string? name)
    {
        if (name is null)
        {
            return "";
        }

        string last = Suffix(name);
        if (last.Length == 0)
        {
            return "";
        }

        if (last is ".gz" or ".bz2" or ".xz" or ".zst")
        {
            return Suffix(name[..^last.Length]) + last;
        }

        return last;

        static string Suffix(string name)
        {
            int dot = name.LastIndexOf('.');
            if (dot <= 0 || name.Length - dot - 1 is < 1 or > 7)
            {
                return "";
            }

            foreach (char c in name.AsSpan(dot + 1))
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return "";
                }
            }

            // A suffix of digits only is the last part of an address ("192.0.2.7"), not a kind of file.
            return name.AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9') ? name[dot..].ToLowerInvariant() : "";
        }
    }

    /// <summary>A host, user, certificate subject or key id: its pseudonym (learned now if new).</summary>
    public string? Name(SecretKind kind, string? value)
    {
        if (value is null)
        {
            return null;
        }

        Learn(kind, value);
        return _names.Exact(value) ?? Text(value);
    }

    /// <summary>An IKE identity by its type: addresses, subnets and ranges as addresses, names by kind.</summary>
    public string Identity(IdentityKind type, string value) =>
        FieldKinds.OfIdentity(type, value) is SecretKind kind ? Name(kind, value)! : Text(value);

    /// <summary>A named value (event data, daemon field, AVP): a name when its field says so, otherwise scrubbed text.</summary>
    public string Field(string fieldName, string value) =>
        FieldKinds.Of(fieldName, value) is SecretKind kind ? Name(kind, value)! : Text(value);

    /// <summary>Free text: every learned name (whole words, any case) and every address and identifying port replaced.</summary>
    public string Text(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        string named = _names.Exact(text) ?? _names.ReplaceWithin(text);
        List<AddressToken> tokens = AddressTokens.Find(named);
        if (tokens.Count == 0)
        {
            return named;
        }

        var result = new StringBuilder(named.Length + 16);
        int at = 0;
        foreach (AddressToken token in tokens)
        {
            // Find returns tokens in order and apart; the text between them is copied as it is.
            result.Append(named, at, token.Index - at).Append(_addresses.Of(token.Address));
            at = token.Index + token.Length;
            if (token.PortLength > 0)
            {
                result.Append(named, at, token.PortIndex - at).Append(Port(token.Port));
                at = token.PortIndex + token.PortLength;
            }
        }

        return result.Append(named, at, named.Length - at).ToString();
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? TextOrNull(string? text) => text is null ? null : Text(text);

    /// <summary>The last-line check over everything this pseudonymiser replaced.</summary>
    public LeakCheck LeakCheck() => new(_names.Originals, _addresses.Originals);

    private static bool LooksLikeAddress(string value) =>
        AddressTokens.Find(value) is [AddressToken only] && only.Index == 0 && only.Length == value.Length;

    // The parts of a distinguished name that name a person or host: "CN=alice", "E=alice@corp.example",
    // "UID=alice". O and OU stay out: an organisation like "strongSwan" is also a product name the
    // report prints from its own tables, and replacing it there would make nonsense.
    [GeneratedRegex(@"(?:^|[,/+;]\s*)(CN|E|EMAIL|EMAILADDRESS|UID)\s*=\s*([^,/+;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 5000)]
    private static partial Regex NamingAttribute();
}

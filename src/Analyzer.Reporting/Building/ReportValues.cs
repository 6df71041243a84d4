using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Reporting.Redaction;

namespace Analyzer.Reporting.Building;

/// <summary>
/// How a section builder turns a value that came from the inputs into report text. Every address,
/// endpoint, identity, name and free-text string a section puts into the document goes through
/// here: plain spelling in a normal report, the pseudonymiser's with <c>--redact</c>. A section that
/// calls <c>ToString()</c> on an address or copies input text directly bypasses redaction, and the
/// last-line check will then refuse to write the report.
/// </summary>
internal sealed class ReportValues
{
    private readonly Pseudonymiser? _pseudonyms;

    // Every message of an IKE SA and every timeline line spells the same few endpoints: each is
    // spelled once (sections may build on two threads, hence concurrent).
    private readonly ConcurrentDictionary<NetEndpoint, string> _endpoints = new();

    public ReportValues(Pseudonymiser? pseudonyms)
    {
        _pseudonyms = pseudonyms;
    }

    public bool Redacting => _pseudonyms is not null;

    public string Address(NetAddress address) => _pseudonyms?.Address(address) ?? address.ToString();

    public string? Address(NetAddress? address) => address is NetAddress a ? Address(a) : null;

    public string Endpoint(NetEndpoint endpoint) =>
        _pseudonyms?.Endpoint(endpoint) ?? _endpoints.GetOrAdd(endpoint, static e => e.ToString());

    [return: NotNullIfNotNull(nameof(value))]
    public string? Host(string? value) => value is null ? null : _pseudonyms?.Name(SecretKind.Host, value) ?? value;

    public string? User(string? value) => value is null ? null : _pseudonyms?.Name(SecretKind.User, value) ?? value;

    public string? Subject(string? value) => value is null ? null : _pseudonyms?.Name(SecretKind.Subject, value) ?? value;

    public string Identity(IdentityKind kind, string value) => _pseudonyms?.Identity(kind, value) ?? value;

    /// <summary>A named value (event data, daemon field, L2TP AVP): a name when its field name says so, else scrubbed text.</summary>
    public string Field(string name, string value) => _pseudonyms?.Field(name, value) ?? value;

    /// <summary>Free text from an input or made from input values (log lines, details, finding summaries, file names).</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Text(string? value) => value is null ? null : _pseudonyms?.Text(value) ?? value;

    public IReadOnlyList<string> Texts(IEnumerable<string> values)
    {
        var list = new List<string>();
        foreach (string value in values)
        {
            list.Add(Text(value));
        }

        return list;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Analyzer.Core;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// The last line of defence of <c>--redact</c>: a rendered report is searched for every original
/// value the pseudonymiser replaced (names as whole words, any case) and for any address-looking
/// token at all (pseudonyms are words, so a real address is the only thing that can look like one).
/// The text is searched as written and with the format's escapes undone (Markdown backslashes,
/// HTML entities, JSON escapes), so an escaped name cannot slip through.
/// </summary>
public sealed partial class LeakCheck
{
    // Shorter names would match ordinary words of the report's own text; the scrubber still replaces them.
    private const int ShortestChecked = 3;

    /// <summary>
    /// Names made of letters only ("client", "gateway", "alice") cannot be told from the report's own
    /// words ("client → server"), so the check does not search for them; the builder still replaces
    /// them wherever they came from the inputs. Names with a digit, dot, '@', '', '=', space or
    /// hyphen are searched.
    /// </summary>
    private static bool IsPlainWord(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
    private readonly List<string> _names = [];
    private readonly HashSet<NetAddress> _addresses;
    private Regex? _matcher;

    internal LeakCheck(IEnumerable<string> names, IEnumerable<NetAddress> addresses)
    {
        foreach (string name in names)
        {
            if (name.Trim().Length >= ShortestChecked && !IsPlainWord(name.Trim()) && !ReportVocabulary().IsMatch(name.Trim()))
            {
                _names.Add(name.Trim());
            }
        }

        _names.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        _addresses = [.. addresses];
    }

    /// <summary>What leaked into <paramref name="output"/>, or null when nothing did.</summary>
    public string? FindLeak(string output)
    {
        foreach (string view in Views(output))
        {
            foreach (AddressToken token in AddressTokens.Find(view))
            {
                if (AddressPseudonyms.Reveals(token.Address))
                {
                    string kind = token.Address.IsV6 ? "an IPv6 address" : "an IPv4 address";
                    string known = _addresses.Contains(token.Address) ? " it replaced elsewhere" : string.Empty;
                    return $"{kind}{known} ({view.Substring(token.Index, token.Length)})";
                }
            }

            if (_names.Count > 0 && Matcher().Match(view) is { Success: true } name)
            {
                return $"a name it replaced elsewhere ({name.Value})";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="RedactionLeakException"/> naming the leak; <paramref name="what"/> names the output ("the Markdown report").</summary>
    public void Verify(string output, string what)
    {
        if (FindLeak(output) is string leak)
        {
            throw new RedactionLeakException($"--redact: {what} would still hold {leak}; no report written");
        }
    }

    private Regex Matcher()
    {
        if (_matcher is null)
        {
            var alternatives = new List<string>(_names.Count);
            foreach (string name in _names)
            {
                alternatives.Add(Regex.Escape(name));
            }

            _matcher = new Regex(@"(?<![\p{L}\p{N}_-])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}_-])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(30));
        }

        return _matcher;
    }

    private static IEnumerable<string> Views(string output)
    {
        yield return output;
        if (output.Contains('&', StringComparison.Ordinal))
        {
            yield return WebUtility.HtmlDecode(output);
        }

        if (output.Contains('\\', StringComparison.Ordinal))
        {
            yield return BackslashEscape().Replace(output, static m => m.Groups[1].Success
                ? ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()
                : m.Groups[2].Value);
        }
    }

    // Identities seen in public captures that are also words the report writes itself ("IKEv1").
    [GeneratedRegex(@"^(?:ikev[12]|ipsec|isakmp|l2tpv?[23]?|pptp|ppp|esp|nat-t|udp|tcp|gre|chap|ms-chapv?2|eap|pap)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 5000)]
    private static partial Regex ReportVocabulary();

    // JSON "\u00e9", Markdown "\[" and JSON "\\": the escaped character itself.
    [GeneratedRegex(@"\\(?:u([0-9A-Fa-f]{4})|([\p{P}\p{S}]))", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex BackslashEscape();
}

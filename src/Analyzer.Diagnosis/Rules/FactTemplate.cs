using System.Collections;
using System.Globalization;
using System.Text;
using Analyzer.Core;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// A text with <c>{expression}</c> holes filled from a fact row ("{{" and "}}" for literal braces).
/// Each hole is a Dynamic LINQ expression compiled once, at load.
/// </summary>
internal sealed class FactTemplate
{
    private readonly List<(string? Literal, Func<object, object?>? Hole)> _parts;

    private FactTemplate(List<(string?, Func<object, object?>?)> parts) => _parts = parts;

    /// <summary>Parses and compiles; throws <see cref="FormatException"/> or the parser's exception with the failing hole.</summary>
    public static FactTemplate Compile(Type factType, string text)
    {
        List<(string?, Func<object, object?>?)> parts = [];
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
            }
            else if (c == '{')
            {
                int close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new FormatException($"unclosed '{{' at character {i + 1} of \"{text}\"");
                }

                if (literal.Length > 0)
                {
                    parts.Add((literal.ToString(), null));
                    literal.Clear();
                }

                string expression = text[(i + 1)..close].Trim();
                try
                {
                    parts.Add((null, Rules.FactExpressions.Value(factType, expression)));
                }
                catch (Exception error) when (error is System.Linq.Dynamic.Core.Exceptions.ParseException or InvalidOperationException or ArgumentException)
                {
                    throw new FormatException($"in {{{expression}}}: {error.Message}", error);
                }

                i = close + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), null));
        }

        return new FactTemplate(parts);
    }

    public string Render(object row)
    {
        var text = new StringBuilder();
        foreach ((string? literal, Func<object, object?>? hole) in _parts)
        {
            text.Append(literal ?? Format(hole!(row)));
        }

        return text.ToString();
    }

    /// <summary>Invariant formatting: yes/no, at most two decimals, lists comma-separated ("none" when empty), frames by number.</summary>
    internal static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "yes" : "no",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        float f => f.ToString("0.##", CultureInfo.InvariantCulture),
        FrameRef frame => frame.Frame.ToString(CultureInfo.InvariantCulture),
        Timestamp time => time.ToIso8601(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => items.Cast<object?>().Any() ? string.Join(", ", items.Cast<object?>().Select(Format)) : "none",
        _ => value.ToString() ?? "",
    };
}

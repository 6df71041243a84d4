using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// A registry of numbered values (one IANA/RFC table) with range labels as fallback, so every
/// number gets a name; numbers in no range read "unknown (N)".
/// </summary>
public sealed class NameTable
{
    private readonly FrozenDictionary<int, string> _names;
    private readonly (int First, int Last, string Label)[] _ranges;

    public NameTable(IEnumerable<KeyValuePair<int, string>> names, params (int First, int Last, string Label)[] ranges)
    {
        _names = names.ToFrozenDictionary();
        _ranges = ranges;
    }

    public bool TryGet(int value, out string name) => _names.TryGetValue(value, out name!);

    public bool IsKnown(int value) => _names.ContainsKey(value);

    public string Name(int value)
    {
        if (_names.TryGetValue(value, out string? name))
        {
            return name;
        }

        foreach ((int first, int last, string label) in _ranges)
        {
            if (value >= first && value <= last)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{label} ({value})");
            }
        }

        return Unknown(value);
    }

    public static string Unknown(long value) => string.Create(CultureInfo.InvariantCulture, $"unknown ({value})");
}

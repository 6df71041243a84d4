namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// One shared copy of each short value a daemon log repeats on every line (host, daemon, process
/// id, charon thread, group, connection, IKE SA id), so that a log of millions of lines keeps one
/// string per distinct value rather than one per line. Bounded: a log whose values are all
/// different only stops sharing.
/// </summary>
internal sealed class RepeatedStrings(int capacity = 4096)
{
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    public string? Share(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_shared.TryGetValue(value, out string? shared))
        {
            return shared;
        }

        if (_shared.Count < capacity)
        {
            _shared[value] = value;
        }

        return value;
    }
}

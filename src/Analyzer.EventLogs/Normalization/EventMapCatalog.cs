using System.Collections.Frozen;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// The event maps shipped as embedded YAML (Maps/*.yaml), loaded once: Windows entries indexed by
/// (provider, event id), daemon entries as ordered pattern lists per daemon.
/// </summary>
public sealed class EventMapCatalog
{
    private static readonly Lazy<EventMapCatalog> Embedded = new(() => LoadEmbedded(_ => true));

    /// <summary>
    /// The embedded maps split by the records they serve, each loaded on first use: Windows maps
    /// (files named windows-*.yaml) for records with an event id, daemon maps for log lines. An
    /// EVTX file then never parses the daemon maps nor builds their patterns, which was most of
    /// <c>vpndiag events</c>' start-up in the JIT build (docs/performance.md).
    /// </summary>
    private static readonly Lazy<EventMapCatalog> EmbeddedWindows = new(() => LoadEmbedded(IsWindowsMap));

    private static readonly Lazy<EventMapCatalog> EmbeddedDaemons = new(() => LoadEmbedded(name => !IsWindowsMap(name)));

    private EventMapCatalog(FrozenDictionary<(string Provider, int Id), EventMap> windows, FrozenDictionary<string, (EventMap Map, MapPattern Match)[]> daemons,
        FrozenDictionary<string, MapPattern> patterns, IReadOnlyList<EventMap> all)
    {
        Windows = windows;
        Daemons = daemons;
        Patterns = patterns;
        All = all;
    }

    public static EventMapCatalog Default => Embedded.Value;

    /// <summary>The embedded Windows maps alone (records with an event id).</summary>
    internal static EventMapCatalog DefaultWindows => EmbeddedWindows.Value;

    /// <summary>The embedded daemon maps alone (log lines, event id 0).</summary>
    internal static EventMapCatalog DefaultDaemons => EmbeddedDaemons.Value;

    public IReadOnlyList<EventMap> All { get; }

    internal FrozenDictionary<(string Provider, int Id), EventMap> Windows { get; }

    internal FrozenDictionary<string, (EventMap Map, MapPattern Match)[]> Daemons { get; }

    /// <summary>Field patterns by their text.</summary>
    internal FrozenDictionary<string, MapPattern> Patterns { get; }

    public EventMap? Find(string? provider, int eventId) =>
        provider is not null && Windows.TryGetValue((provider, eventId), out EventMap? map) ? map : null;

    /// <summary>Builds a catalogue from YAML texts (each a list of entries); throws <see cref="InvalidDataException"/> naming the source on a bad map.</summary>
    public static EventMapCatalog Load(IEnumerable<(string Name, string Yaml)> sources)
    {
        IDeserializer deserializer = new StaticDeserializerBuilder(new EventMapYamlContext()).WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var windows = new Dictionary<(string, int), EventMap>(new ProviderIdComparer());
        var daemons = new Dictionary<string, List<(EventMap, MapPattern)>>(StringComparer.OrdinalIgnoreCase);
        var patterns = new Dictionary<string, MapPattern>(StringComparer.Ordinal);
        var all = new List<EventMap>();
        foreach ((string name, string yaml) in sources)
        {
            List<EventMap> entries;
            try
            {
                entries = deserializer.Deserialize<List<EventMap>>(yaml) ?? [];
            }
            catch (YamlDotNet.Core.YamlException exception)
            {
                throw new InvalidDataException($"{name}: line {exception.Start.Line}: {exception.Message}", exception);
            }

            foreach (EventMap entry in entries)
            {
                if (string.IsNullOrEmpty(entry.Provider) || string.IsNullOrEmpty(entry.Kind))
                {
                    throw new InvalidDataException($"{name}: an entry lacks provider or kind");
                }

                if ((entry.Stage is not null && !ConnectionStages.All.Contains(entry.Stage)) || (entry.Outcome is not null && !ConnectionStages.Outcomes.Contains(entry.Outcome)))
                {
                    throw new InvalidDataException($"{name}: {entry.Kind}: stage '{entry.Stage}' or outcome '{entry.Outcome}' is not one of the documented values");
                }

                if (!DaemonSignals.TryParse(entry.Signal, out _))
                {
                    throw new InvalidDataException($"{name}: {entry.Kind}: signal '{entry.Signal}' is not one of {string.Join(", ", DaemonSignals.All)}");
                }

                all.Add(entry);
                foreach (string pattern in entry.Patterns.Values)
                {
                    patterns.TryAdd(pattern, new MapPattern(pattern));
                }

                if (entry.Match is not null)
                {
                    if (!daemons.TryGetValue(entry.Provider, out List<(EventMap, MapPattern)>? list))
                    {
                        daemons[entry.Provider] = list = [];
                    }

                    list.Add((entry, new MapPattern(entry.Match)));
                    continue;
                }

                foreach (int id in entry.Ids)
                {
                    if (!windows.TryAdd((entry.Provider, id), entry))
                    {
                        throw new InvalidDataException($"{name}: {entry.Provider} event {id} is mapped twice");
                    }
                }
            }
        }

        return new EventMapCatalog(
            windows.ToFrozenDictionary(new ProviderIdComparer()),
            daemons.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            patterns.ToFrozenDictionary(StringComparer.Ordinal),
            all);
    }

    private static bool IsWindowsMap(string resource) =>
        resource.StartsWith("Analyzer.EventLogs.Maps.windows-", StringComparison.Ordinal);

    private static EventMapCatalog LoadEmbedded(Func<string, bool> include)
    {
        var assembly = typeof(EventMapCatalog).Assembly;
        var sources = new List<(string, string)>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith("Analyzer.EventLogs.Maps.", StringComparison.Ordinal) || !include(resource))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            sources.Add((resource, reader.ReadToEnd()));
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return Load(sources);
    }

    private sealed class ProviderIdComparer : IEqualityComparer<(string Provider, int Id)>
    {
        public bool Equals((string Provider, int Id) x, (string Provider, int Id) y) =>
            x.Id == y.Id && string.Equals(x.Provider, y.Provider, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Provider, int Id) obj) =>
            HashCode.Combine(obj.Id, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Provider));
    }
}

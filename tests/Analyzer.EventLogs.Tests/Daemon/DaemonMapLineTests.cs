using Analyzer.EventLogs.Normalization;
using Analyzer.Testing;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// Every charon, xl2tpd and pppd map entry against real lines (Daemon/MapLines/&lt;daemon&gt;.yaml,
/// each naming the daemon source statement or lab log it comes from): the first entry matching a
/// line has the kind the data says, and no entry is left without a line that reaches it.
/// </summary>
public sealed class DaemonMapLineTests
{
    public static TheoryData<string> Daemons => new() { "charon", "xl2tpd", "pppd" };

    private sealed class MapLine
    {
        public string Kind { get; set; } = "";
        public string Line { get; set; } = "";
        public string Source { get; set; } = "";
    }

    private static List<MapLine> Lines(string daemon)
    {
        string path = Path.Combine(RepoPaths.Root, "tests", "Analyzer.EventLogs.Tests", "Daemon", "MapLines", daemon + ".yaml");
        IDeserializer yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return yaml.Deserialize<List<MapLine>>(File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Daemons))]
    public void Each_line_is_recognised_by_an_entry_of_its_kind(string daemon)
    {
        foreach (MapLine line in Lines(daemon))
        {
            Assert.False(string.IsNullOrWhiteSpace(line.Source), $"{line.Line}: no source named");
            var record = new EventRecord { InputIndex = 0, RecordId = 1, Provider = daemon, Message = line.Line };
            NormalizedEvent? normalized = EventNormalizer.Normalize(record);
            Assert.True(line.Kind == normalized?.Kind, $"{daemon}: '{line.Line}' gave {normalized?.Kind ?? "no kind"}, expected {line.Kind}");
        }
    }

    [Theory]
    [MemberData(nameof(Daemons))]
    public void Every_map_entry_is_reached_by_a_real_line(string daemon)
    {
        (EventMap Map, MapPattern Match)[] entries = EventMapCatalog.Default.Daemons[daemon];
        var reached = new HashSet<int>();
        foreach (MapLine line in Lines(daemon))
        {
            int first = Array.FindIndex(entries, entry => entry.Match.Match(line.Line).Success);
            if (first >= 0)
            {
                reached.Add(first);
            }
        }

        IEnumerable<string> missing = entries.Select((entry, index) => (entry, index)).Where(e => !reached.Contains(e.index)).Select(e => e.entry.Map.Kind + ": " + e.entry.Map.Match);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Daemons))]
    public void Every_entry_says_what_it_means_for_a_stage(string daemon)
    {
        foreach ((EventMap map, _) in EventMapCatalog.Default.Daemons[daemon])
        {
            Assert.True(map.Outcome is not null, $"{map.Kind}: no outcome");
            Assert.True(!map.Failure || map.Outcome == "failed", $"{map.Kind}: a failure whose outcome is {map.Outcome}");
        }
    }

    [Fact]
    public void A_refused_transform_is_noise_and_not_a_failure()
    {
        var record = new EventRecord { InputIndex = 0, RecordId = 1, Provider = "charon", Message = "  no acceptable ENCRYPTION_ALGORITHM found" };
        NormalizedEvent normalized = EventNormalizer.Normalize(record)!;
        Assert.Equal("noise", normalized.Outcome);
        Assert.False(normalized.IsFailure);
    }

    [Fact]
    public void A_map_with_an_undocumented_stage_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => EventMapCatalog.Load([("bad.yaml", "- provider: charon\n  kind: x\n  stage: phase3\n  match: 'x'\n")]));
    }

    [Fact]
    public void A_map_with_an_undocumented_signal_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => EventMapCatalog.Load([("bad.yaml", "- provider: charon\n  kind: x-packet-received\n  signal: packet-recieved\n  match: 'x'\n")]));
    }
}

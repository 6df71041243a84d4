using Analyzer.EventLogs.Normalization;

namespace Analyzer.EventLogs.Tests.Normalization;

/// <summary>
/// The embedded maps load in two parts (Windows maps for records with an event id, daemon maps for
/// log lines) so an EVTX file does not pay for the daemon maps; together the parts must hold
/// exactly what the whole catalogue holds, else a map file named against the convention would
/// silently stop normalising its records.
/// </summary>
public sealed class EmbeddedMapPartsTests
{
    [Fact]
    public void Windows_part_holds_every_event_id_entry_and_no_daemon_entry()
    {
        EventMapCatalog whole = EventMapCatalog.Default;
        EventMapCatalog windows = EventMapCatalog.DefaultWindows;

        Assert.Empty(windows.Daemons);
        Assert.Equal(whole.Windows.Count, windows.Windows.Count);
        foreach (KeyValuePair<(string Provider, int Id), EventMap> entry in whole.Windows)
        {
            Assert.Equal(entry.Value.Kind, windows.Find(entry.Key.Provider, entry.Key.Id)?.Kind);
        }
    }

    [Fact]
    public void Daemon_part_holds_every_daemon_entry_and_no_event_id_entry()
    {
        EventMapCatalog whole = EventMapCatalog.Default;
        EventMapCatalog daemons = EventMapCatalog.DefaultDaemons;

        Assert.Empty(daemons.Windows);
        Assert.Equal(whole.Daemons.Keys.Order(StringComparer.Ordinal), daemons.Daemons.Keys.Order(StringComparer.Ordinal));
        foreach ((string provider, (EventMap Map, MapPattern Match)[] entries) in whole.Daemons)
        {
            Assert.Equal(entries.Select(e => e.Map.Kind), daemons.Daemons[provider].Select(e => e.Map.Kind));
        }
    }
}

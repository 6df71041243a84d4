using System.Collections.Frozen;

namespace Analyzer.Fuzz;

/// <summary>
/// The registry of fuzz targets, by the name given on the command line. The Hostile regression
/// tests call the same bodies, so a crash found by AFL++ is replayed through exactly this code.
/// </summary>
public static class FuzzTargets
{
    private static readonly FrozenDictionary<string, FuzzBody> Bodies = new Dictionary<string, FuzzBody>(StringComparer.Ordinal)
    {
        ["pcap"] = CaptureTargets.ReadFrames,
        ["reassembly"] = CaptureTargets.DecodeAndReconstruct,
        ["ike"] = DatagramTargets.Ike,
        ["l2tp"] = DatagramTargets.L2tp,
        ["evtx"] = input => EventLogTargets.Read(input, Core.InputKind.Evtx, ".evtx"),
        ["evt"] = input => EventLogTargets.Read(input, Core.InputKind.Evt, ".evt"),
        ["xml"] = input => EventLogTargets.Read(input, Core.InputKind.EventXml, ".xml"),
        ["csv"] = input => EventLogTargets.Read(input, Core.InputKind.EventCsv, ".csv"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Names => Bodies.Keys.Order(StringComparer.Ordinal);

    public static bool TryGet(string name, out FuzzBody body) => Bodies.TryGetValue(name, out body!);
}

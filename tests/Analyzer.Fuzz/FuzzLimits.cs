using Analyzer.Core;

namespace Analyzer.Fuzz;

/// <summary>
/// Limits lowered far below the defaults, so that short fuzz inputs reach the limit branches
/// (reassembly in flight, SAs, tunnels, string lengths, XML depth) as well as the ordinary ones.
/// </summary>
public static class FuzzLimits
{
    public static AnalysisLimits Low { get; } = new()
    {
        MaxRecordBytes = 16 * 1024,
        MaxFragmentedDatagramsInFlight = 4,
        MaxReassemblyBytes = 32 * 1024,
        MaxIkeSas = 8,
        MaxEspFlows = 8,
        MaxL2tpTunnels = 4,
        MaxPptpConnections = 4,
        MaxPppPacketsPerSession = 16,
        MaxIkeFragmentedMessageBytes = 8 * 1024,
        MaxEventRecords = 64,
        MaxLedgerEntries = 256,
        MaxLedgerBytes = 64 * 1024,
        MaxStringLength = 64,
        MaxXmlDepth = 8,
    };
}

using Analyzer.Core;

namespace Analyzer.Sessions.Ledger;

/// <summary>A source → destination pair as one capture saw it; entries refer to it by index to stay small.</summary>
public readonly record struct LedgerFlow(NetEndpoint Source, NetEndpoint Destination);

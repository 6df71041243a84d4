namespace Analyzer.Sessions.Ledger;

/// <summary>What <see cref="PacketFingerprint"/> derives from a payload.</summary>
internal readonly record struct Fingerprint(ulong MatchKey, ulong Identity, LedgerEntryFlags Flags);

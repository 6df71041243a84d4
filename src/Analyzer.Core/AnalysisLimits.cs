namespace Analyzer.Core;

/// <summary>
/// Bounds that keep memory flat on hostile or huge input. Each stage checks its own limit before
/// allocating and reports an <see cref="InputDiagnostic"/> the first time one is reached.
/// </summary>
public sealed record AnalysisLimits
{
    public static AnalysisLimits Default { get; } = new();

    /// <summary>Largest capture record or block accepted; larger ones are reported and skipped.</summary>
    public int MaxRecordBytes { get; init; } = 256 * 1024;

    /// <summary>IP datagrams being reassembled at once.</summary>
    public int MaxFragmentedDatagramsInFlight { get; init; } = 4096;

    /// <summary>Bytes held in all reassembly buffers together.</summary>
    public long MaxReassemblyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Incomplete IP datagrams listed in a capture's model; later ones still count for IKE, but are not listed (and reported).</summary>
    public int MaxIncompleteDatagramsListed { get; init; } = 10_000;

    /// <summary>Seconds after which an incomplete datagram is given up (and reported).</summary>
    public double ReassemblyTimeoutSeconds { get; init; } = 30;

    public int MaxIkeSas { get; init; } = 100_000;

    /// <summary>
    /// Messages, exchanges, notifies and anomalies listed per IKE SA: the first half and the latest
    /// half are kept, those between are counted (and reported), so a days-long SA or a flood of one
    /// cookie does not grow memory with the file.
    /// </summary>
    public int MaxIkeMessagesPerSa { get; init; } = 10_000;

    public int MaxEspFlows { get; init; } = 100_000;

    public int MaxL2tpTunnels { get; init; } = 100_000;

    /// <summary>PPTP connections, and PPP sessions outside any tunnel (PPPoE, PPP links), tracked per capture; later ones are not tracked (and reported).</summary>
    public int MaxPptpConnections { get; init; } = 10_000;

    /// <summary>PPP control packets (LCP, NCP, authentication) listed per PPP session; later ones are only counted (and reported).</summary>
    public int MaxPppPacketsPerSession { get; init; } = 4096;

    /// <summary>
    /// Bytes of IKEv1 fragments kept for one fragmented IKE message (real ones are a few KB: a certificate
    /// chain); a message whose fragments add up to more stays incomplete (and is reported).
    /// </summary>
    public int MaxIkeFragmentedMessageBytes { get; init; } = 256 * 1024;

    public int MaxEventRecords { get; init; } = 5_000_000;

    /// <summary>Packets fingerprinted per capture for comparing vantage points; later packets are not compared (and reported).</summary>
    public int MaxLedgerEntries { get; init; } = 1_000_000;

    /// <summary>Payload bytes a capture's packet ledger keeps to locate modifications; beyond it only short prefixes are kept.</summary>
    public long MaxLedgerBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Longest string kept from an input (identities, host names, event data); longer ones are cut and marked.</summary>
    public int MaxStringLength { get; init; } = 4096;

    /// <summary>
    /// Longest line read from a text log or CSV export; the rest of a longer line is skipped unread, so
    /// a file without line breaks cannot make one line take gigabytes.
    /// </summary>
    public int MaxLineLength { get; init; } = 1 << 20;

    /// <summary>Binary XML nesting in EVTX.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>Zip bundles: entries and total expanded bytes.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    public long MaxZipExpandedBytes { get; init; } = 8L * 1024 * 1024 * 1024;
}

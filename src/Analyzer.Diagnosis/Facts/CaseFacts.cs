using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Facts about the whole case (subject <c>case</c>): exactly one row per analysis.</summary>
public sealed class CaseFacts : FactOrigin
{
    public int Inputs { get; init; }
    public int Captures { get; init; }
    public int EventRecords { get; init; }
    public bool HasCaptures { get; init; }
    public int IkeSas { get; init; }
    public int EstablishedSas { get; init; }
    public int EspFlows { get; init; }
    public int L2tpTunnels { get; init; }
    public int PptpConnections { get; init; }

    // Damage
    public long ChecksumErrors { get; init; }
    /// <summary>IKE messages flagged malformed, truncated or with extra data.</summary>
    public int MalformedIkeMessages { get; init; }
    /// <summary>IPsec driver events: integrity, replay, clear text where protection was required, bad SPI, invalid negotiation packet (4960-4963, 4965, 4976-4978).</summary>
    public int IntegrityEvents { get; init; }
    public IReadOnlyList<string> CorruptionEvidence { get; init; } = [];
    /// <summary>ESP (protocol 50 or UDP 4500) datagrams whose IP fragments never all arrived.</summary>
    public int IncompleteEspDatagrams { get; init; }

    // Several clients behind one address
    /// <summary>Most distinct clients (by source port or identity) seen behind one initiator address at one vantage point.</summary>
    public int SharedAddressClients { get; init; }
    public string SharedAddress { get; init; } = "";
    /// <summary>A later client behind the shared address never established Phase 1 or Quick Mode.</summary>
    public bool LaterClientFailed { get; init; }
    /// <summary>An earlier client's SA was deleted, or its ESP stopped, soon after a later one came up.</summary>
    public bool EarlierClientDisplaced { get; init; }
    public string SharedAddressStory { get; init; } = "";

    // Server load
    public double MaxCpuPercent { get; init; }
    public int HighCpuSamples { get; init; }
    /// <summary>A CPU sample over 90% falls while an IKE SA of the captures was alive.</summary>
    public bool HighCpuWhileSasActive { get; init; }
    public string CpuCounter { get; init; } = "";

    public IReadOnlyList<FrameRef> SharedAddressFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> CorruptionFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> IncompleteEspFrames { get; init; } = [];
    public IReadOnlyList<EventRecord> IntegrityRecords { get; init; } = [];
}

using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// One connection attempt: one negotiation from its first IKE message (or first log line) to its
/// end, merged across every capture and log of the bundle — the IKE SA, its Quick Mode / CHILD SAs,
/// the ESP flows they key, the L2TP tunnel and PPP inside, and the log records that belong to it.
/// Built once by <see cref="AttemptBuilder"/>; later stages read it.
/// </summary>
public sealed class ConnectionAttempt
{
    /// <summary>"A1", "A2"… in order of start.</summary>
    public string Id { get; set; } = "";

    public Timestamp Start { get; set; }

    /// <summary>The client as the client side saw itself (its own address, before any NAT).</summary>
    public NetEndpoint? Client { get; set; }

    public NetEndpoint? Server { get; set; }

    /// <summary>
    /// The server's host name where only a log names it and by name, not address (the host a Windows
    /// user dialled, RasClient 20222): a label beside the unknown endpoint, never an address.
    /// </summary>
    public string? ServerHost { get; set; }

    /// <summary>1 or 2; null when no IKE was seen (L2TP without IPsec).</summary>
    public int? IkeVersion { get; set; }

    /// <summary>Main Mode, Aggressive Mode or IKE_SA_INIT.</summary>
    public IkeExchangeKind Phase1 { get; set; }

    /// <summary>IKEv1 initiator cookie or IKEv2 initiator SPI: the key across views.</summary>
    public ulong InitiatorSpi { get; set; }

    public ulong ResponderSpi { get; set; }

    /// <summary>
    /// IKE ran, whether or not its version is known: a capture's SA, or a log record with the IKE
    /// cookie (a Windows 4653 whose keying module is an unrendered message-table id names no version),
    /// or an IKE daemon's log lines.
    /// </summary>
    public bool IkeSeen => IkeVersion is not null || InitiatorSpi != 0 || Records.Exists(r => r.Provider is "charon" or "pluto");

    public List<AttemptView> Views { get; } = [];

    /// <summary>Each IKE message once, in time order, with where it was seen.</summary>
    public List<AttemptMessage> Messages { get; } = [];

    public List<EspFlow> EspFlows { get; } = [];

    /// <summary>Each capture's ESP of this attempt by direction (set with the <c>esp</c> stage; empty when no capture holds its ESP).</summary>
    public List<EspCount> EspByCapture { get; } = [];

    public List<L2tpTunnel> L2tpTunnels { get; } = [];

    public List<EventRecord> Records { get; } = [];

    /// <summary>Every stage in order (see <see cref="AttemptStage"/>).</summary>
    public List<StageVerdict> Stages { get; } = NewStages();

    public AttemptStage? FailedStage { get; set; }

    public AttemptSide Side { get; set; }

    public SideBasis SideBasis { get; set; }

    public AttemptReconciliation Reconciliation { get; } = new();

    public List<AttemptRelation> Relations { get; } = [];

    /// <summary>
    /// The stage at which the attempt stopped undecided: nothing failed, and the first stage whose
    /// outcome only keys could tell (<see cref="StageVerdict.UndecidedWithout"/>) has no passed stage
    /// after it. Null when the attempt failed, passed, or stopped for another reason.
    /// </summary>
    public StageVerdict? Undecided
    {
        get
        {
            if (FailedStage is not null)
            {
                return null;
            }

            StageVerdict? undecided = Stages.FirstOrDefault(s => s.Outcome == StageOutcome.Unknown && s.UndecidedWithout is not null);
            return undecided is not null && !Stages.Exists(s => s.Stage > undecided.Stage && s.Outcome == StageOutcome.Passed) ? undecided : null;
        }
    }

    public StageVerdict this[AttemptStage stage] => Stages[(int)stage];

    /// <summary>The last stage that passed, or null when none did: "how far it got".</summary>
    public AttemptStage? FurthestPassed =>
        Stages.LastOrDefault(s => s.Outcome == StageOutcome.Passed)?.Stage;

    public IEnumerable<IkeSa> Sas => SasOf(Views);

    public AttemptView? ViewAt(string role)
    {
        // A loop, not FirstOrDefault: called several times per attempt, a closure each time adds up on large captures.
        foreach (AttemptView view in Views)
        {
            if (view.Role == role && view.Sa is not null)
            {
                return view;
            }
        }

        return null;
    }

    private static readonly int StageCount = Enum.GetValues<AttemptStage>().Length;

    private static List<StageVerdict> NewStages()
    {
        var stages = new List<StageVerdict>(StageCount);
        for (int stage = 0; stage < StageCount; stage++)
        {
            stages.Add(new StageVerdict((AttemptStage)stage));
        }

        return stages;
    }

    /// <summary>One iterator per call where Select + OfType made two.</summary>
    private static IEnumerable<IkeSa> SasOf(List<AttemptView> views)
    {
        foreach (AttemptView view in views)
        {
            if (view.Sa is IkeSa sa)
            {
                yield return sa;
            }
        }
    }
}

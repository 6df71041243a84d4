using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// What encrypted traffic probably carried, read from the sizes, timing and direction of ESP and
/// encrypted IKE alone (subject <c>inferred</c>). Every row is an inference, never an observation:
/// rules citing it say so, and docs/esp-l2tp-ppp-model.md gives how often each kind was right on
/// the lab's test runs.
/// </summary>
public sealed class InferenceFacts : FactOrigin
{
    /// <summary>One of <see cref="Inference.InferenceKinds"/>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The side that started the IKE SA (or sent first), as address:port.</summary>
    public string Client { get; init; } = "";

    public string Server { get; init; } = "";

    /// <summary>1 or 2 when an IKE SA between the peers is in the capture, else 0.</summary>
    public int IkeVersion { get; init; }

    /// <summary>An IKEv1 SA runs between the peers: L2TP/IPsec, so the ESP carries L2TP.</summary>
    public bool CarriesL2tp { get; init; }

    /// <summary>What was seen: sizes, intervals, directions, in one sentence.</summary>
    public string Basis { get; init; } = "";

    /// <summary>What it probably was, in one sentence.</summary>
    public string Meaning { get; init; } = "";

    /// <summary>How many times the pattern repeated (retransmissions, DPD rounds, keepalives).</summary>
    public int Repeats { get; init; }

    /// <summary>Interval of a periodic pattern (DPD); 0 when not periodic.</summary>
    public double PeriodSeconds { get; init; }

    /// <summary>The pattern began with the first ESP packet of its SA (tunnel setup, not later traffic).</summary>
    public bool AtStartOfSa { get; init; }

    /// <summary>ESP packets (both directions) before the tunnel fell silent.</summary>
    public int PacketsBeforeSilence { get; init; }

    /// <summary>
    /// Short exchange only: the burst is longer than an L2TP tunnel and call set up without PPP (more
    /// than 16 packets, fewer than 41), so PPP probably started inside and was then refused or failed
    /// (calibrated on the lab's l2tp-ppp-* captures, docs/esp-l2tp-ppp-model.md).
    /// </summary>
    public bool PppStartedThenStopped { get; init; }

    public double SilenceSeconds { get; init; }

    /// <summary>The other side sent something back during the pattern.</summary>
    public bool Answered { get; init; }

    /// <summary>"client" or "server": which side ended the exchange, where the pattern says.</summary>
    public string EndedBy { get; init; } = "";

    /// <summary>Wireshark display filter for the packets concerned.</summary>
    public string DisplayFilter { get; init; } = "";

    public IReadOnlyList<FrameRef> Frames { get; init; } = [];
}

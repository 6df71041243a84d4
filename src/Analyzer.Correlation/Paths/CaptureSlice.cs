using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>The part of one capture that belongs to one conversation, with each packet's direction once known.</summary>
internal sealed class CaptureSlice
{
    public CaptureSlice(CaptureModel capture, PacketLedger ledger)
    {
        Capture = capture;
        Ledger = ledger;
    }

    public CaptureModel Capture { get; }

    public PacketLedger Ledger { get; }

    /// <summary>Indices into the ledger's entries, sorted by time.</summary>
    public List<int> Entries { get; } = [];

    /// <summary>The IKE initiator's (or L2TP LAC's) address as this capture saw it.</summary>
    public NetAddress? ClientAddress { get; set; }

    /// <summary>Parallel to <see cref="Entries"/>: true when the packet travels from client to server.</summary>
    public List<bool> ToServer { get; } = [];

    public int InputIndex => Capture.Input.Index;

    public string Name => Capture.Input.DisplayName;

    public LedgerEntry this[int position] => Ledger.Entries[Entries[position]];

    public LedgerFlow FlowAt(int position) => Ledger.Flows[this[position].Flow];

    /// <summary>When this capture could have seen a packet: its whole span (all frames), cut where the ledger stopped recording.</summary>
    public (Timestamp? From, Timestamp? To) Window
    {
        get
        {
            Timestamp? to = Capture.Statistics.LastTime;
            if (Ledger.RecordedUntil is Timestamp recorded && (to is null || recorded < to))
            {
                to = recorded;
            }

            return (Capture.Statistics.FirstTime, to);
        }
    }
}

using Analyzer.Core;

namespace Analyzer.Sessions.Esp;

/// <summary>
/// A flow being counted: the model object, its sequence window, and the frames it was seen in
/// (frame number and time), kept so that "packets after a Delete" can be answered once the IKE
/// stage has found the Deletes.
/// </summary>
internal sealed class EspFlowState
{
    private EspSequenceWindow _window;

    public EspFlowState(EspFlow flow) => Flow = flow;

    public EspFlow Flow { get; }

    /// <summary>Frames in arrival order (so sorted by frame number), 16 bytes each; stops growing when the tracker's budget is spent.</summary>
    public ChunkedList<(long Frame, long UnixNanoseconds)> Frames { get; } = new();

    /// <summary>Some frames were not recorded in <see cref="Frames"/> (budget spent).</summary>
    public bool FramesIncomplete { get; set; }

    public void Observe(FrameRef frame, uint? sequence, int bytes)
    {
        EspFlow flow = Flow;
        if (flow.Packets == 0)
        {
            flow.First = frame;
        }

        flow.Packets++;
        flow.Bytes += bytes;
        flow.Last = frame;
        if (sequence is uint known)
        {
            _window.Observe(known);
        }
    }

    /// <summary>Copies the window's counts into the model.</summary>
    public void Publish()
    {
        EspFlow flow = Flow;
        flow.FirstSequence = _window.FirstSequence;
        flow.LastSequence = _window.HighestSequence;
        flow.SequenceGaps = _window.Gaps;
        flow.Duplicates = _window.Duplicates;
        flow.OutOfOrder = _window.OutOfOrder;
        flow.Resets = _window.Resets;
    }

    /// <summary>Packets in frames after <paramref name="frameNumber"/>, and the first of them.</summary>
    public (long Count, FrameRef? First) After(long frameNumber)
    {
        if (Flow.Last.Frame <= frameNumber)
        {
            return (0, null);
        }

        if (FramesIncomplete)
        {
            // Only the last frame is certain; one packet at least.
            return (1, Flow.Last);
        }

        int low = 0;
        int high = Frames.Count;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (Frames[middle].Frame <= frameNumber)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low >= Frames.Count)
        {
            return (0, null);
        }

        (long number, long nanoseconds) = Frames[low];
        FrameRef last = Flow.Last;
        return (Frames.Count - low, new FrameRef(last.InputIndex, number, new Timestamp(nanoseconds, last.Time.FractionDigits)));
    }
}

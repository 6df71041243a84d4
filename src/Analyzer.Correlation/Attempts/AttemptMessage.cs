using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// One IKE message of an attempt, once: the same bytes seen at both ends are one message seen
/// twice, a retransmission is one message sent several times (<see cref="Sends"/>). Frames lists
/// every sighting in every capture.
/// </summary>
public sealed class AttemptMessage
{
    public required IkeMessage First { get; init; }

    /// <summary>Every frame that carried this message, in every view (retransmissions included).</summary>
    public List<FrameRef> Frames { get; } = new(1);

    /// <summary>How often the sender sent it: the largest count of copies in any one capture.</summary>
    public int Sends { get; set; } = 1;

    public MessageSighting Sighting { get; set; } = MessageSighting.OneCapture;

    public Timestamp Time => First.Frame.Time;
}

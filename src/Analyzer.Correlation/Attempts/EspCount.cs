using Analyzer.Core;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// One capture's ESP of an attempt by direction: the packets of the flows the session stage tied to
/// the attempt's SA (<c>EspFlow.Packets</c>), summed per direction, and the first packet each way.
/// The direction is judged once, by <see cref="InnerStageJudge"/> (the SA's initiator in that capture is the client).
/// </summary>
public sealed record EspCount(int InputIndex, long FromClient, long FromServer, FrameRef? FirstFromClient, FrameRef? FirstFromServer);

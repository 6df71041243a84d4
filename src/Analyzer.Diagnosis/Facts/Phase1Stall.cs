using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>The Phase 1 message nothing answered: its number, how often and in how many IP fragments it went, its frames.</summary>
internal readonly record struct Phase1Stall(int Number, int Sends, int IpFragments, List<FrameRef> Frames)
{
    public static Phase1Stall None => new(0, 0, 0, []);
}

using Analyzer.Correlation;
using Analyzer.Correlation.Events;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens the correlator's clock estimates into <see cref="ClockOffsetFacts"/>.</summary>
internal static class ClockOffsetFactsBuilder
{
    public static List<ClockOffsetFacts> Build(Case @case)
    {
        List<ClockOffsetFacts> facts = [];
        foreach (LogClockOffset offset in @case.ClockOffsets)
        {
            facts.Add(new ClockOffsetFacts
            {
                InputIndex = offset.LogInputIndex,
                Input = NameOf(@case, offset.LogInputIndex),
                Vantage = "log",
                OffsetSeconds = offset.OffsetSeconds,
                AbsOffsetSeconds = Math.Abs(offset.OffsetSeconds),
                Pairs = offset.Pairs,
                Log = NameOf(@case, offset.LogInputIndex),
                Capture = NameOf(@case, offset.CaptureInputIndex),
            });
        }

        return facts;
    }

    private static string NameOf(Case @case, int index) =>
        index >= 0 && index < @case.Inputs.Count ? @case.Inputs[index].DisplayName : "";
}

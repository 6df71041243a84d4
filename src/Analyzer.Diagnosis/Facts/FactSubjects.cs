using System.Collections.Frozen;

namespace Analyzer.Diagnosis.Facts;

/// <summary>The subjects a rule can iterate, each with the fact type its condition is written against.</summary>
public static class FactSubjects
{
    public static FrozenDictionary<string, Type> Types { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["sa"] = typeof(SaFacts),
        ["exchange"] = typeof(ExchangeFacts),
        ["flow"] = typeof(FlowFacts),
        ["tunnel"] = typeof(TunnelFacts),
        ["ppp"] = typeof(PppFacts),
        ["pptp"] = typeof(PptpFacts),
        ["event"] = typeof(EventFacts),
        ["path-direction"] = typeof(PathDirectionFacts),
        ["translation"] = typeof(TranslationFacts),
        ["clock-offset"] = typeof(ClockOffsetFacts),
        ["inferred"] = typeof(InferenceFacts),
        ["case"] = typeof(CaseFacts),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}

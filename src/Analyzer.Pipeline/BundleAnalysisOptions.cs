using System.Reflection;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Reporting;

namespace Analyzer.Pipeline;

/// <summary>How one bundle is analysed: limits, extra IKE key tables, report options and an optional stage clock.</summary>
public sealed record BundleAnalysisOptions
{
    public AnalysisLimits Limits { get; init; } = AnalysisLimits.Default;

    /// <summary>IKE key tables given on the command line (those inside the bundle are found by the sniffer).</summary>
    public IReadOnlyList<string> KeyFiles { get; init; } = [];

    /// <summary>Year and zone for log lines that lack them (<c>--year</c>, <c>--log-tz</c>).</summary>
    public LogTimeHints LogTime { get; init; } = LogTimeHints.None;

    /// <summary>Report options; by default the version is this library's (the CLI passes its own).</summary>
    public ReportOptions Report { get; init; } = new() { ToolVersion = LibraryVersion };

    private static string LibraryVersion =>
        typeof(BundleAnalysisOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Times each stage when set (<c>analyze --timings</c>).</summary>
    public StageClock? Clock { get; init; }

    /// <summary>Called once the rules have run: the CLI stops compiling rule expressions ahead of need then.</summary>
    public Action? RulesEvaluated { get; init; }
}

using Analyzer.Reporting;

namespace Analyzer.Cli.Pipeline;

/// <summary>--format wins; else the output's extension; else Markdown (stdout).</summary>
internal static class ReportFormatChoice
{
    public static ReportFormat Decide(string? formatOption, string? output)
    {
        if (ReportWriter.TryParseFormat(formatOption, out ReportFormat chosen))
        {
            return chosen;
        }

        if (output is not null && ReportWriter.TryParseFormat(Path.GetExtension(output), out ReportFormat inferred))
        {
            return inferred;
        }

        return ReportFormat.Markdown;
    }

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Html => ".html",
        ReportFormat.Json => ".json",
        ReportFormat.Csv => "",
        _ => ".md",
    };
}

using Analyzer.Reporting;

namespace Analyzer.Cli.Pipeline;

/// <summary>--format wins; else the output's extension; else Markdown (stdout).</summary>
internal static class ReportFormatChoice
{
    public static bool TryParse(string? text, out ReportFormat format)
    {
        switch (text?.ToLowerInvariant())
        {
            case "md" or "markdown":
                format = ReportFormat.Markdown;
                return true;
            case "html" or "htm":
                format = ReportFormat.Html;
                return true;
            case "json":
                format = ReportFormat.Json;
                return true;
            case "csv":
                format = ReportFormat.Csv;
                return true;
            default:
                format = ReportFormat.Markdown;
                return false;
        }
    }

    public static ReportFormat Decide(string? formatOption, string? output)
    {
        if (formatOption is not null && TryParse(formatOption, out ReportFormat chosen))
        {
            return chosen;
        }

        if (output is not null && TryParse(Path.GetExtension(output).TrimStart('.'), out ReportFormat inferred))
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

using System.Globalization;
using System.Text.Json;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Markdown;

namespace Analyzer.Reporting.Batch;

/// <summary>
/// Collects one entry per bundle (safe to call from parallel workers) and writes the summary
/// table: bundle, verdict, top finding, as Markdown or JSON, in bundle-name order so the output
/// does not depend on which bundle finished first.
/// </summary>
public sealed class BatchSummary
{
    private readonly Lock _gate = new();
    private readonly List<BatchEntry> _entries = [];

    public void Add(BatchEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<BatchEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                var sorted = new List<BatchEntry>(_entries);
                sorted.Sort(static (a, b) => string.CompareOrdinal(a.Bundle, b.Bundle));
                return sorted;
            }
        }
    }

    /// <summary>2 when no bundle could be analysed; else 1 when any bundle had a problem (or failed); else 0.</summary>
    public int ExitCode
    {
        get
        {
            IReadOnlyList<BatchEntry> entries = Entries;
            bool allFailed = entries.Count > 0;
            bool any = false;
            foreach (BatchEntry entry in entries)
            {
                allFailed &= entry.ExitCode == 2;
                any |= entry.ExitCode != 0;
            }

            return entries.Count == 0 || allFailed ? 2 : any ? 1 : 0;
        }
    }

    public void WriteMarkdown(TextWriter writer)
    {
        IReadOnlyList<BatchEntry> entries = Entries;
        writer.WriteLine("# vpndiag batch summary");
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} bundle(s)."));
        writer.WriteLine();
        writer.WriteLine("| Bundle | Severity | Verdict | Top finding | Findings | Report |");
        writer.WriteLine("|---|---|---|---|---|---|");
        foreach (BatchEntry entry in entries)
        {
            string top = entry.TopRule is null ? "—" : MarkdownText.Code(entry.TopRule) + " " + MarkdownText.Cell(entry.TopTitle);
            string verdict = entry.Error is null ? MarkdownText.Cell(entry.Verdict) : MarkdownText.Cell(entry.Verdict + " " + entry.Error);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Cell(entry.Bundle)} | {entry.Severity} | {verdict} | {top} | {entry.Findings} | {MarkdownText.Cell(entry.Report ?? "—")} |"));
        }
    }

    public void WriteJson(Stream output, DateTimeOffset generatedAt)
    {
        var document = new BatchSummaryDocument(1,
            Analyzer.Core.Timestamp.FromDateTime(generatedAt.UtcDateTime, 0).ToIso8601(), Entries);
        JsonSerializer.Serialize(output, document, ReportJsonContext.Default.BatchSummaryDocument);
    }
}

using System.Collections;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Diagnosis.Facts;
using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// Runs every rule over the facts of a case and returns ranked findings: one finding per rule that
/// fired, its summary from the first matching row, evidence from up to <see cref="MaxRowsCited"/> rows.
/// A rule that fails at run time becomes a rule error; the others still run.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>Rows whose evidence a finding cites (the count of all matches is kept in Occurrences).</summary>
    public const int MaxRowsCited = 5;

    /// <summary>Frames or records cited per evidence item per row.</summary>
    public const int MaxItemsPerEvidence = 6;

    public static DiagnosisResult Evaluate(Case @case, RuleSet rules) => Evaluate(FactSheet.Build(@case), rules);

    public static DiagnosisResult Evaluate(FactSheet facts, RuleSet rules)
    {
        // Rules are independent and fact rows are read-only, so they run on all cores: compiling
        // expressions is most of the cost of a small case, and each rule compiles its own. Outcomes
        // are gathered in catalogue order, so the result does not depend on scheduling.
        var outcomes = new (Finding? Finding, List<string>? Errors)[rules.Rules.Count];
        Parallel.For(0, rules.Rules.Count, i => outcomes[i] = Run(rules.Rules[i], facts));

        var result = new DiagnosisResult();
        result.RuleErrors.AddRange(rules.Errors.Select(e => e.ToString()));
        List<(Finding Finding, Rule Rule)> fired = [];
        for (int i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Finding is Finding finding)
            {
                fired.Add((finding, rules.Rules[i]));
            }

            result.RuleErrors.AddRange(outcomes[i].Errors ?? []);
        }

        result.Findings.AddRange(FindingRanker.Rank(fired));
        return result;
    }

    private static (Finding? Finding, List<string>? Errors) Run(Rule rule, FactSheet facts)
    {
        (Finding? Finding, List<string>? Errors) own = RunOwn(rule, facts);
        if (own.Finding is not null || own.Errors is not null || rule.FromLogs is not Rule logs)
        {
            return own;
        }

        // The rule's own subject did not show it (no capture, or a capture that missed it): what the daemon logs say.
        return RunOwn(logs, facts);
    }

    private static (Finding? Finding, List<string>? Errors) RunOwn(Rule rule, FactSheet facts)
    {
        IReadOnlyList<object> rows = facts.Rows(rule.Subject);
        if (rows.Count == 0)
        {
            // Nothing to match: a rule compiled on first use is never compiled.
            return (null, null);
        }

        try
        {
            return (Fire(rule, rows), null);
        }
        catch (Exception error) when (error is NullReferenceException or InvalidOperationException or InvalidCastException or ArgumentException or IndexOutOfRangeException)
        {
            return (null, [$"{rule.SourceFile}:{rule.SourceLine}: rule {rule.Id} failed while evaluating: {error.Message}"]);
        }
        catch (RuleCompileException error)
        {
            return (null, error.Errors.Select(e => e.ToString()).ToList());
        }
    }

    private static Finding? Fire(Rule rule, IReadOnlyList<object> rows)
    {
        List<object> matches = [];
        foreach (object row in rows)
        {
            if (rule.Matches(row))
            {
                matches.Add(row);
            }
        }

        if (matches.Count == 0)
        {
            return null;
        }

        RulePresentation presentation = rule.Presentation;
        string summary = presentation.Summary.Render(matches[0]);

        var finding = new Finding
        {
            RuleId = rule.Id,
            Title = rule.Title,
            Severity = rule.Severity,
            Category = rule.Category,
            Cause = rule.Cause,
            Owner = rule.Owner,
            Summary = summary,
            Remediation = presentation.Steps.Where(step => step.When?.Invoke(matches[0]) != false)
                .Select(step => step.Text.Render(matches[0]).Trim()).Where(text => text.Length > 0).ToList(),
            References = [.. rule.References],
            Stages = rule.Stages,
            Occurrences = matches.Count,
            Attempts = matches.OfType<FactOrigin>().Select(m => m.Attempt).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        };

        var cited = new HashSet<(int, long?, long?)>();
        foreach (object row in matches.Take(MaxRowsCited))
        {
            foreach (CompiledEvidence item in presentation.Evidence)
            {
                Cite(item, row, finding.Evidence, cited);
            }
        }

        return finding;
    }

    private static void Cite(CompiledEvidence item, object row, List<Evidence> evidence, HashSet<(int, long?, long?)> cited)
    {
        string text = item.Text.Render(row);
        string? filter = item.Filter?.Render(row);
        int taken = 0;
        if (item.FramesOf is not null)
        {
            foreach (FrameRef frame in Items<FrameRef>(item.FramesOf(row)))
            {
                if (taken == MaxItemsPerEvidence)
                {
                    break;
                }

                if (frame.Frame > 0 && cited.Add((frame.InputIndex, frame.Frame, null)))
                {
                    evidence.Add(new Evidence(frame.InputIndex, frame.Frame, null, frame.Time, text) { DisplayFilter = filter, Kind = item.Kind });
                    taken++;
                }
            }
        }

        if (item.RecordsOf is not null)
        {
            foreach (EventRecord record in Items<EventRecord>(item.RecordsOf(row)))
            {
                if (taken == MaxItemsPerEvidence)
                {
                    break;
                }

                if (cited.Add((record.InputIndex, null, record.RecordId)))
                {
                    evidence.Add(new Evidence(record.InputIndex, null, record.RecordId, record.Time, text) { DisplayFilter = filter, Kind = item.Kind });
                    taken++;
                }
            }
        }
    }

    private static IEnumerable<T> Items<T>(object? value)
    {
        switch (value)
        {
            case T single:
                yield return single;
                break;
            case IEnumerable many:
                foreach (object? item in many)
                {
                    if (item is T typed)
                    {
                        yield return typed;
                    }
                }

                break;
        }
    }
}

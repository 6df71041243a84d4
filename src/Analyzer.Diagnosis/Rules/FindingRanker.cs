namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// Orders findings: most likely cause first. A finding that explains another (rule field
/// <c>explains</c>) inherits the severity of what it explains and always comes before it; then errors
/// before warnings before info; then the finding explaining more; then the earliest evidence.
/// </summary>
internal static class FindingRanker
{
    public static List<Finding> Rank(List<(Finding Finding, Rule Rule)> fired)
    {
        var present = fired.ToDictionary(f => f.Finding.RuleId, f => f, StringComparer.Ordinal);
        foreach ((Finding finding, Rule rule) in fired)
        {
            foreach (string explained in rule.Explains)
            {
                if (present.TryGetValue(explained, out var other) && !ReferenceEquals(other.Finding, finding))
                {
                    finding.Explains.Add(explained);
                    other.Finding.ExplainedBy.Add(finding.RuleId);
                }
            }
        }

        var effective = fired.ToDictionary(f => f.Finding.RuleId, f => f.Finding.Severity, StringComparer.Ordinal);
        var depth = fired.ToDictionary(f => f.Finding.RuleId, _ => 0, StringComparer.Ordinal);

        // Fixed points over the explains graph; bounded by the number of findings, so a cycle cannot loop forever.
        for (int round = 0; round < fired.Count; round++)
        {
            bool changed = false;
            foreach ((Finding finding, _) in fired)
            {
                foreach (string explained in finding.Explains)
                {
                    if (effective[explained] > effective[finding.RuleId])
                    {
                        effective[finding.RuleId] = effective[explained];
                        changed = true;
                    }

                    if (depth[explained] < depth[finding.RuleId] + 1 && depth[finding.RuleId] + 1 < fired.Count)
                    {
                        depth[explained] = depth[finding.RuleId] + 1;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return fired.Select(f => f.Finding)
            .OrderByDescending(f => effective[f.RuleId])
            .ThenBy(f => depth[f.RuleId])
            .ThenByDescending(f => f.Severity)
            .ThenByDescending(f => f.Explains.Count)
            .ThenBy(f => f.Evidence.Count > 0 && f.Evidence[0].Time is { } t ? t.UnixNanoseconds : long.MaxValue)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}

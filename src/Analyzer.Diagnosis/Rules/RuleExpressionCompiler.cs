namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// Compiles a rule's condition and its summary/evidence templates against the subject's fact type.
/// Every failure becomes a <see cref="RuleLoadError"/> on the key it came from.
/// </summary>
internal static class RuleExpressionCompiler
{
    public static Func<object, bool>? Condition(Type factType, string condition, Action<string, string> fail)
    {
        try
        {
            return FactExpressions.Predicate(factType, condition);
        }
        catch (Exception error) when (IsCompileError(error))
        {
            fail("condition", $"condition does not compile against {factType.Name}: {error.Message}");
            return null;
        }
    }

    public static RulePresentation? Presentation(Type factType, string summaryText, IReadOnlyList<RuleEvidence> evidence, IReadOnlyList<string> remediation, Action<string, string> fail)
    {
        FactTemplate? summary = Template(factType, summaryText, "summary", fail);
        List<CompiledEvidence> compiled = [];
        bool complete = true;
        foreach (RuleEvidence item in evidence)
        {
            Func<object, object?>? frames = Value(factType, item.Frames, fail);
            Func<object, object?>? records = Value(factType, item.Records, fail);
            FactTemplate? text = Template(factType, item.Text, "evidence", fail);
            FactTemplate? filter = item.Filter is null ? null : Template(factType, item.Filter, "evidence", fail);
            if (text is not null && (frames is not null || records is not null) && (item.Filter is null || filter is not null))
            {
                compiled.Add(new CompiledEvidence(frames, records, text, filter, item.Kind));
            }
            else
            {
                complete = false;
            }
        }

        List<RemediationStep> steps = [];
        foreach (string step in remediation)
        {
            (string? guard, string text) = SplitGuard(step);
            Func<object, bool>? when = null;
            if (guard is not null)
            {
                try
                {
                    when = FactExpressions.Predicate(factType, guard);
                }
                catch (Exception error) when (IsCompileError(error))
                {
                    fail("remediation", $"remediation guard \"{guard}\" does not compile against {factType.Name}: {error.Message}");
                    complete = false;
                    continue;
                }
            }

            if (Template(factType, text, "remediation", fail) is FactTemplate template)
            {
                steps.Add(new RemediationStep(when, template));
            }
            else
            {
                complete = false;
            }
        }

        return summary is not null && complete ? new RulePresentation(summary, compiled, steps) : null;
    }

    /// <summary>"{?condition}text" → (condition, text); a step without a leading guard always applies.</summary>
    internal static (string? Guard, string Text) SplitGuard(string step)
    {
        if (!step.StartsWith("{?", StringComparison.Ordinal))
        {
            return (null, step);
        }

        int close = step.IndexOf('}', 2);
        return close < 0 ? (null, step) : (step[2..close].Trim(), step[(close + 1)..].TrimStart());
    }

    private static Func<object, object?>? Value(Type factType, string? expression, Action<string, string> fail)
    {
        if (expression is null)
        {
            return null;
        }

        try
        {
            return FactExpressions.Value(factType, expression);
        }
        catch (Exception error) when (IsCompileError(error))
        {
            fail("evidence", $"evidence expression \"{expression}\" does not compile against {factType.Name}: {error.Message}");
            return null;
        }
    }

    private static FactTemplate? Template(Type factType, string text, string key, Action<string, string> fail)
    {
        try
        {
            return FactTemplate.Compile(factType, text);
        }
        catch (FormatException error)
        {
            fail(key, $"{key} template: {error.Message}");
            return null;
        }
    }

    private static bool IsCompileError(Exception error) =>
        error is System.Linq.Dynamic.Core.Exceptions.ParseException or InvalidOperationException or ArgumentException;
}

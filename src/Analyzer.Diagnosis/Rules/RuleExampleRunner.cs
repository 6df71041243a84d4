using Analyzer.Correlation;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// Runs each rule's <c>examples</c> (Sigma-style regression data): every input is analysed once by the
/// pipeline the caller supplies, the whole rule set is evaluated on it, and each rule's expectation
/// (must fire / must not fire) is checked. An example names one input path, or several joined by
/// " + " (a capture and its event log), relative to <c>baseDirectory</c> (the repository root).
/// </summary>
public sealed class RuleExampleRunner
{
    private readonly Func<IReadOnlyList<string>, Case> _analyze;
    private readonly Dictionary<string, (DiagnosisResult? Result, string? Error)> _cache = new(StringComparer.Ordinal);

    public RuleExampleRunner(Func<IReadOnlyList<string>, Case> analyze) => _analyze = analyze;

    public IReadOnlyList<RuleExampleResult> Run(RuleSet rules, string baseDirectory)
    {
        List<RuleExampleResult> results = [];
        foreach (Rule rule in rules.Rules)
        {
            foreach (string example in rule.MustFire)
            {
                results.Add(Check(rule, example, true, rules, baseDirectory));
            }

            foreach (string example in rule.MustNotFire)
            {
                results.Add(Check(rule, example, false, rules, baseDirectory));
            }
        }

        return results;
    }

    /// <summary>The input paths an example names, resolved against the base directory.</summary>
    public static IReadOnlyList<string> Inputs(string example, string baseDirectory) =>
        example.Split(" + ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => Path.GetFullPath(Path.Combine(baseDirectory, part)))
            .ToList();

    /// <summary>How examples name the public sample folder, relative to the repository root.</summary>
    public const string PublicFolder = "../shared";

    private static string SharedDirectory(string baseDirectory) =>
        Path.GetFullPath(Path.Combine(baseDirectory, PublicFolder));

    private static bool IsUnder(string path, string directory) =>
        path.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private RuleExampleResult Check(Rule rule, string example, bool mustFire, RuleSet rules, string baseDirectory)
    {
        IReadOnlyList<string> inputs = Inputs(example, baseDirectory);
        string? absent = inputs.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (absent is not null)
        {
            string shared = SharedDirectory(baseDirectory);
            return IsUnder(absent, shared) && !Directory.Exists(shared)
                ? new RuleExampleResult(rule.Id, example, mustFire, RuleExampleOutcome.Unavailable,
                    $"{PublicFolder} is absent (public samples are not shipped with vpndiag; its README lists where they come from)")
                : new RuleExampleResult(rule.Id, example, mustFire, RuleExampleOutcome.Missing, $"input not found: {absent}");
        }

        (DiagnosisResult? result, string? error) = Analyse(example, inputs, rules);
        if (result is null)
        {
            return new RuleExampleResult(rule.Id, example, mustFire, RuleExampleOutcome.Error, error ?? "analysis failed");
        }

        Finding? finding = result.Findings.Find(f => f.RuleId == rule.Id);
        bool fired = finding is not null;
        if (fired == mustFire)
        {
            return new RuleExampleResult(rule.Id, example, mustFire, RuleExampleOutcome.Passed, fired ? finding!.Summary : "did not fire");
        }

        string firedIds = string.Join(", ", result.Findings.Select(f => f.RuleId));
        return new RuleExampleResult(rule.Id, example, mustFire, RuleExampleOutcome.Failed,
            mustFire ? $"did not fire (fired: {(firedIds.Length == 0 ? "nothing" : firedIds)})" : "fired: " + finding!.Summary);
    }

    private (DiagnosisResult? Result, string? Error) Analyse(string example, IReadOnlyList<string> inputs, RuleSet rules)
    {
        if (_cache.TryGetValue(example, out var cached))
        {
            return cached;
        }

        (DiagnosisResult?, string?) outcome;
        try
        {
            outcome = (RuleEvaluator.Evaluate(_analyze(inputs), rules), null);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException or NotSupportedException)
        {
            outcome = (null, error.Message);
        }

        _cache[example] = outcome;
        return outcome;
    }
}

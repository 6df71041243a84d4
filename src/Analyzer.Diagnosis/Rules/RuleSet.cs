namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// The rules of one run: the built-in catalogue plus any <c>--rules DIR</c>, each file checked and
/// compiled once (at load or on first use, per <see cref="RuleDirectory"/>). Files that fail land in <see cref="Errors"/>; the rest still run.
/// </summary>
public sealed class RuleSet
{
    private RuleSet(List<Rule> rules, List<RuleLoadError> errors)
    {
        Rules = rules;
        Errors = errors;
    }

    public IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<RuleLoadError> Errors { get; }

    /// <summary>
    /// Compiles what is not compiled yet, one rule at a time, until <paramref name="stop"/> is
    /// signalled: every condition first (evaluation needs them all), then summaries and evidence
    /// (needed only by the rules that fire). Run on a spare core while the inputs are read and the
    /// rules evaluated, so that evaluation finds most of them ready; a rule the evaluating thread
    /// reaches first is compiled once, by whichever thread asked first. An expression that does not
    /// compile keeps its error for evaluation to report. <paramref name="parts"/> limits it to one of
    /// the two, so that other work can go between them.
    /// </summary>
    public void Precompile(CancellationToken stop, RulePart parts = RulePart.Conditions | RulePart.Presentation)
    {
        foreach (RulePart part in (ReadOnlySpan<RulePart>)[RulePart.Conditions, RulePart.Presentation])
        {
            if (!parts.HasFlag(part))
            {
                continue;
            }

            foreach (Rule rule in Rules)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    _ = part == RulePart.Presentation ? rule.Presentation : (object)rule.Matches;
                }
                catch (RuleCompileException)
                {
                    // Cached by the rule; RuleEvaluator reports it with file and line.
                }
            }
        }
    }

    public Rule? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>The catalogue shipped with vpndiag (the <c>rules</c> directory beside the binary, or the repository's).</summary>
    public static RuleSet LoadBuiltIn(string rulesDirectory) => Load([rulesDirectory]);

    /// <summary>
    /// Every <c>*.yaml</c>/<c>*.yml</c> under each directory (a <c>tests</c> folder holds fixtures, not
    /// rules, and is skipped). A missing directory, a broken file or a duplicate id is an error entry.
    /// </summary>
    public static RuleSet Load(IEnumerable<string> directories) =>
        Load(directories.Select(directory => new RuleDirectory(directory)));

    /// <summary>As <see cref="Load(IEnumerable{string})"/>, each directory with its own <see cref="RuleCompilation"/>.</summary>
    public static RuleSet Load(IEnumerable<RuleDirectory> directories)
    {
        List<Rule> rules = [];
        List<RuleLoadError> errors = [];
        var seen = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach ((string directory, RuleCompilation compilation) in directories)
        {
            if (!Directory.Exists(directory))
            {
                errors.Add(new RuleLoadError(directory, 0, "rules directory not found"));
                continue;
            }

            foreach (string path in RuleFiles(directory))
            {
                string text;
                try
                {
                    text = File.ReadAllText(path);
                }
                catch (IOException error)
                {
                    errors.Add(new RuleLoadError(path, 0, error.Message));
                    continue;
                }

                Rule? rule = RuleFileReader.Read(path, text, errors, compilation);
                if (rule is null)
                {
                    continue;
                }

                if (seen.TryGetValue(rule.Id, out Rule? first))
                {
                    errors.Add(new RuleLoadError(path, rule.SourceLine, $"duplicate rule id \"{rule.Id}\" (first defined in {first.SourceFile})"));
                    continue;
                }

                seen.Add(rule.Id, rule);
                rules.Add(rule);
            }
        }

        return new RuleSet(rules, errors);
    }

    /// <summary>Loads rule text directly (tests, and rules embedded elsewhere); <paramref name="name"/> stands for the file.</summary>
    public static RuleSet FromText(params (string Name, string Text)[] files)
    {
        List<Rule> rules = [];
        List<RuleLoadError> errors = [];
        foreach ((string name, string text) in files)
        {
            Rule? rule = RuleFileReader.Read(name, text, errors);
            if (rule is null)
            {
                continue;
            }

            if (rules.Exists(r => r.Id == rule.Id))
            {
                errors.Add(new RuleLoadError(name, rule.SourceLine, $"duplicate rule id \"{rule.Id}\""));
                continue;
            }

            rules.Add(rule);
        }

        return new RuleSet(rules, errors);
    }

    private static List<string> RuleFiles(string directory)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            foreach (string sub in Directory.EnumerateDirectories(current))
            {
                if (!string.Equals(Path.GetFileName(sub), "tests", StringComparison.Ordinal))
                {
                    pending.Push(sub);
                }
            }

            files.AddRange(Directory.EnumerateFiles(current, "*.yaml"));
            files.AddRange(Directory.EnumerateFiles(current, "*.yml"));
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}

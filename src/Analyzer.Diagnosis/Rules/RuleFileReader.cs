using Analyzer.Correlation.Attempts;
using Analyzer.Diagnosis.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// Reads one rule file: YAML syntax, known keys only, values from the vocabulary, condition and
/// templates compiled now or (<see cref="RuleCompilation.OnFirstUse"/>) when first needed. Every problem becomes a <see cref="RuleLoadError"/> with the file and line.
/// </summary>
internal static class RuleFileReader
{
    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(new RuleYamlContext())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static Rule? Read(string path, string text, List<RuleLoadError> errors, RuleCompilation compilation = RuleCompilation.AtLoad)
    {
        // One YAML pass on the happy path: key lines are worked out only when an error needs one.
        RuleDocument? document;
        try
        {
            document = Deserializer.Deserialize<RuleDocument>(text);
        }
        catch (Exception error) when (error is YamlException or InvalidOperationException)
        {
            // A syntax error gets its line from a plain parse (YamlDotNet's scanner can fail with a bare
            // InvalidOperationException); otherwise the deserializer's own message (unknown key...) stands.
            RuleLoadError semantic = error is YamlException yaml
                ? new RuleLoadError(path, (int)yaml.Start.Line, Innermost(yaml))
                : new RuleLoadError(path, 0, error.Message);
            errors.Add(SyntaxError(text) is RuleLoadError syntax ? syntax with { File = path } : semantic);
            return null;
        }

        var lines = new Lazy<Dictionary<string, int>>(() => KeyLines(text));
        if (document is null)
        {
            errors.Add(new RuleLoadError(path, 1, "empty rule file"));
            return null;
        }

        int before = errors.Count;
        void Fail(string key, string message) => errors.Add(new RuleLoadError(path, lines.Value.GetValueOrDefault(key, 1), message));

        string id = Required(document.Id, "id", Fail);
        if (id.Length > 0 && !RuleVocabulary.IsRuleId(id))
        {
            Fail("id", $"id \"{id}\" is not kebab-case (a-z, 0-9, single dashes)");
        }

        string title = Required(document.Title, "title", Fail);
        string status = document.Status ?? "experimental";
        if (!RuleVocabulary.Statuses.Contains(status))
        {
            Fail("status", $"status \"{status}\" is not one of {string.Join(", ", RuleVocabulary.Statuses)}");
        }

        if (!RuleVocabulary.TryParseSeverity(document.Severity, out Severity severity))
        {
            Fail("severity", $"severity \"{document.Severity}\" is not info, warning or error");
        }

        string category = OneOf(document.Category, "category", RuleVocabulary.Categories, Fail);
        string cause = OneOf(document.Cause, "cause", RuleVocabulary.Causes, Fail);
        string owner = OneOf(document.Owner, "owner", RuleVocabulary.Owners, Fail);
        string description = Required(document.Description, "description", Fail);
        string subject = Required(document.Subject, "subject", Fail);
        string condition = Required(document.Condition, "condition", Fail);
        string summaryText = Required(document.Summary, "summary", Fail);

        if (subject.Length > 0 && !FactSubjects.Types.ContainsKey(subject))
        {
            Fail("subject", $"subject \"{subject}\" is not one of {string.Join(", ", FactSubjects.Types.Keys)}");
        }

        if (errors.Count > before || !FactSubjects.Types.TryGetValue(subject, out Type? factType))
        {
            return null;
        }

        List<AttemptStage> stages = Stages(document.Stages ?? [], Fail);
        List<RuleEvidence> evidence = Evidence(document.Evidence ?? [], Fail);
        if (errors.Count > before)
        {
            return null;
        }

        Rule? fromLogs = null;
        if (document.FromLogs is RuleFromLogsDocument logs)
        {
            string logCondition = Required(logs.Condition, "fromLogs", Fail);
            string logSummary = Required(logs.Summary, "fromLogs", Fail);
            List<RuleEvidence> logEvidence = Evidence(logs.Evidence ?? [], (_, message) => Fail("fromLogs", message));
            if (errors.Count > before)
            {
                return null;
            }

            // Case values name the capture's facts, which a log-only bundle does not have: its twin takes
            // its own steps, else the rule's steps that need no value.
            List<string> logSteps = logs.Remediation ?? (document.Remediation ?? []).Where(step => !NeedsCaseValues(step)).ToList();
            fromLogs = Build(FactSubjects.Types["observation"], "observation", logCondition, logSummary, logEvidence, logSteps, null, examples: false);
        }

        Rule rule = Build(factType, subject, condition, summaryText, evidence, document.Remediation ?? [], fromLogs, examples: true);
        return compilation == RuleCompilation.OnFirstUse || rule.TryCompile(errors) ? rule : null;

        // The rule and its fromLogs twin share everything but what they iterate, test, say and cite;
        // only the rule itself carries the examples.
        Rule Build(Type type, string ruleSubject, string ruleCondition, string ruleSummary, List<RuleEvidence> ruleEvidence, List<string> steps, Rule? logs, bool examples) =>
            new(type, lines)
            {
                FromLogs = logs,
                Id = id,
                Title = title,
                Status = status,
                Severity = severity,
                Category = category,
                Cause = cause,
                Owner = owner,
                Description = description.Trim(),
                Subject = ruleSubject,
                Condition = ruleCondition.Trim(),
                Summary = ruleSummary.Trim(),
                Evidence = ruleEvidence,
                Remediation = steps,
                References = document.References ?? [],
                Explains = document.Explains ?? [],
                Stages = stages,
                FalsePositives = document.Falsepositives ?? [],
                MustFire = examples ? document.Examples?.MustFire ?? [] : [],
                MustNotFire = examples ? document.Examples?.MustNotFire ?? [] : [],
                SourceFile = path,
                SourceLine = IdLine(text),
            };
    }

    /// <summary>The <c>stages</c> list as attempt stages; a name outside the attempt vocabulary is a load error, not a rule that silently explains nothing.</summary>
    private static List<AttemptStage> Stages(List<string> names, Action<string, string> fail)
    {
        var stages = new List<AttemptStage>(names.Count);
        foreach (string name in names)
        {
            if (AttemptNames.TryParseStage(name, out AttemptStage stage))
            {
                stages.Add(stage);
            }
            else
            {
                fail("stages", $"stage \"{name}\" is not one of {string.Join(", ", Enum.GetValues<AttemptStage>().Select(AttemptNames.Stage))}");
            }
        }

        return stages;
    }

    /// <summary>A step with a guard or a hole ("{…}", not the literal "{{").</summary>
    private static bool NeedsCaseValues(string step) => step.Replace("{{", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal);

    /// <summary>
    /// Walks the YAML events once so that a syntax error gets a line even where YamlDotNet's scanner
    /// fails with a bare InvalidOperationException (an unclosed flow sequence at the end of the file).
    /// </summary>
    private static RuleLoadError? SyntaxError(string text)
    {
        long line = 1;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                line = parser.Current?.End.Line ?? line;
            }

            return null;
        }
        catch (YamlException error)
        {
            return new RuleLoadError("", (int)error.Start.Line, Innermost(error));
        }
        catch (InvalidOperationException)
        {
            return new RuleLoadError("", (int)line, "YAML ends inside an unclosed bracket, brace or quote");
        }
    }

    /// <summary>The line of the top-level <c>id:</c> key, found without a YAML parse (1 when absent).</summary>
    private static int IdLine(string text)
    {
        int line = 1;
        foreach (ReadOnlySpan<char> row in text.AsSpan().EnumerateLines())
        {
            if (row.StartsWith("id:", StringComparison.Ordinal))
            {
                return line;
            }

            line++;
        }

        return 1;
    }

    /// <summary>Top-level keys in file order with their lines (for error positions and the field-order lint).</summary>
    internal static Dictionary<string, int> KeyLines(string text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> entry in root.Children)
            {
                if (entry.Key is YamlScalarNode { Value: { } key })
                {
                    lines.TryAdd(key, (int)entry.Key.Start.Line);
                }
            }
        }

        return lines;
    }

    private static List<RuleEvidence> Evidence(List<RuleEvidenceDocument> items, Action<string, string> fail)
    {
        List<RuleEvidence> evidence = [];
        foreach (RuleEvidenceDocument item in items)
        {
            if (item.Frames is null == item.Records is null)
            {
                fail("evidence", "each evidence item names exactly one of frames or records");
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Text))
            {
                fail("evidence", "each evidence item needs a text");
                continue;
            }

            EvidenceKind kind;
            switch (item.Kind)
            {
                case null or "observed":
                    kind = EvidenceKind.Observed;
                    break;
                case "derived":
                    kind = EvidenceKind.Derived;
                    break;
                case "inferred":
                    kind = EvidenceKind.Inferred;
                    break;
                default:
                    fail("evidence", $"kind must be observed, derived or inferred, not '{item.Kind}'");
                    continue;
            }

            evidence.Add(new RuleEvidence(item.Frames, item.Records, item.Text, item.Filter, kind));
        }

        return evidence;
    }

    private static string Required(string? value, string key, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(key, $"missing required field \"{key}\"");
            return "";
        }

        return value;
    }

    private static string OneOf(string? value, string key, System.Collections.Frozen.FrozenSet<string> allowed, Action<string, string> fail)
    {
        if (value is null || !allowed.Contains(value))
        {
            fail(key, $"{key} \"{value}\" is not one of: {string.Join(", ", allowed)}");
            return value ?? "";
        }

        return value;
    }

    // YamlDotNet wraps the useful message ("Property 'foo' not found on type ...") in outer exceptions.
    private static string Innermost(YamlException error)
    {
        Exception inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        string message = inner == error ? error.Message : error.Message + " (" + inner.Message + ")";
        return message.StartsWith('(') ? message : message.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
    }
}

using System.Text.Json;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>The lab's scenarios (samples/captures/*) with the diagnosis each must produce.</summary>
public static class SampleScenarios
{
    public static string Directory => Path.Combine(RepoPaths.Samples, "captures");

    /// <summary>Every scenario directory that has an expected.json (and passes <paramref name="where"/>, when given).</summary>
    public static TheoryData<string> Names(Func<string, bool>? where = null)
    {
        var data = new TheoryData<string>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return data;
        }

        foreach (string directory in System.IO.Directory.GetDirectories(Directory).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(directory, "expected.json")) && (where is null || where(Path.GetFileName(directory))))
            {
                data.Add(Path.GetFileName(directory));
            }
        }

        return data;
    }

    public static string PathOf(string scenario) => Path.Combine(Directory, scenario);

    public static (string[] MustFire, string[] MustNotFire) Expected(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf(scenario), "expected.json")));
        return (Ids(document.RootElement, "mustFire"), Ids(document.RootElement, "mustNotFire"));
    }

    /// <summary>Why the with-keys expectations cannot be checked yet (expected.json "pendingWithKeys"), or null.</summary>
    public static string? PendingWithKeys(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf(scenario), "expected.json")));
        return document.RootElement.TryGetProperty("pendingWithKeys", out JsonElement reason) ? reason.GetString() : null;
    }

    /// <summary>
    /// What the lab could not do and the analysis rightly reports (expected.json "labLimit"): the stage
    /// every such attempt stops at and the rules that say so; null when the scenario has no such limit.
    /// </summary>
    public static (string Stage, string[] Rules)? LabLimit(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf(scenario), "expected.json")));
        return document.RootElement.TryGetProperty("labLimit", out JsonElement limit)
            ? (limit.GetProperty("stage").GetString() ?? "", Ids(limit, "rules"))
            : null;
    }

    /// <summary>Scenarios whose expected.json says what the captures alone must give ("withoutKeys").</summary>
    public static TheoryData<string> WithoutKeysNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in Names().Select(row => row.Data))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf(name), "expected.json")));
            if (document.RootElement.TryGetProperty("withoutKeys", out _))
            {
                data.Add(name);
            }
        }

        return data;
    }

    public static (string[] MustFire, string[] MustNotFire) ExpectedWithoutKeys(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf(scenario), "expected.json")));
        JsonElement withoutKeys = document.RootElement.GetProperty("withoutKeys");
        return (Ids(withoutKeys, "mustFire"), Ids(withoutKeys, "mustNotFire"));
    }

    private static string[] Ids(JsonElement root, string property) =>
        root.TryGetProperty(property, out JsonElement array)
            ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
            : [];
}

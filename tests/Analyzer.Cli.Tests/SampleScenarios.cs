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

    private static string[] Ids(JsonElement root, string property) =>
        root.TryGetProperty(property, out JsonElement array)
            ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
            : [];
}

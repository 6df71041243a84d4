using System.Text.Json;
using Analyzer.Correlation.Paths;
using Analyzer.Sessions;

namespace Analyzer.Correlation.Tests.Paths;

/// <summary>
/// Every lab scenario's expected.json says whether path-drop, path-modified and nat-observed must or
/// must not fire; the path comparison those rules read must agree with it.
/// </summary>
public class ScenarioExpectationTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        string root = Path.Combine(LabCaptures.SamplesRoot, "captures");
        if (Directory.Exists(root))
        {
            foreach (string directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(directory, "expected.json")) && File.Exists(Path.Combine(directory, "server.pcap")))
                {
                    data.Add(Path.GetFileName(directory));
                }
            }
        }

        if (data.Count == 0)
        {
            data.Add("");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Path_comparison_agrees_with_the_scenarios_expected_rules(string scenario)
    {
        if (scenario.Length == 0)
        {
            Assert.Skip("samples/captures/ holds no scenario yet");
        }

        string directory = LabCaptures.Scenario(scenario);
        var files = new List<string> { Path.Combine(directory, "client.pcap"), Path.Combine(directory, "server.pcap") };
        if (File.Exists(Path.Combine(directory, "client2.pcap")))
        {
            files.Add(Path.Combine(directory, "client2.pcap"));
        }

        List<PathComparison> paths = PathComparer.Compare(LabCaptures.Load([.. files]));
        (HashSet<string> mustFire, HashSet<string> mustNotFire) = Expected(Path.Combine(directory, "expected.json"));

        Assert.NotEmpty(paths);
        bool lost = paths.Any(p => p.Directions.Any(d => d.Lost > 0));
        bool modified = paths.Any(p => p.Directions.Any(d => d.Modified.Count > 0));
        bool translated = paths.Any(p => p.Translations.Count > 0);
        Check("path-drop", lost);
        Check("path-modified", modified);
        Check("nat-observed", translated);

        void Check(string rule, bool observed)
        {
            if (mustFire.Contains(rule))
            {
                Assert.True(observed, $"{scenario}: {rule} must fire but the paths show none");
            }

            if (mustNotFire.Contains(rule))
            {
                Assert.False(observed, $"{scenario}: {rule} must not fire but the paths show one");
            }
        }
    }

    private static (HashSet<string> MustFire, HashSet<string> MustNotFire) Expected(string path)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        HashSet<string> Read(string name) => json.RootElement.TryGetProperty(name, out JsonElement list)
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
            : [];
        return (Read("mustFire"), Read("mustNotFire"));
    }
}

using Analyzer.Diagnosis.Rules;

namespace Analyzer.Cli.Commands;

/// <summary>
/// Where the built-in rules are (the <c>rules</c> folder copied beside the binary; in a source
/// checkout, the repository's <c>rules</c>), and the rule set of a run: built-ins plus <c>--rules DIR</c>.
/// </summary>
internal static class RuleCatalogueLocation
{
    public static string BuiltInDirectory
    {
        get
        {
            string beside = Path.Combine(AppContext.BaseDirectory, "rules");
            if (Directory.Exists(beside))
            {
                return beside;
            }

            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "rules");
                if (File.Exists(Path.Combine(directory.FullName, "Analyzer.sln")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return beside;
        }
    }

    /// <summary>The directory example paths are relative to: the one holding <c>samples/</c> above the rules, else the rules' parent.</summary>
    public static string ExampleBase(string rulesDirectory)
    {
        string full = Path.GetFullPath(rulesDirectory);
        for (DirectoryInfo? directory = new(full); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "samples")) || File.Exists(Path.Combine(directory.FullName, "Analyzer.sln")))
            {
                return directory.FullName;
            }
        }

        return Path.GetDirectoryName(full) ?? full;
    }

    /// <summary>Built-ins and user rules, all compiled now; load errors are written as warnings.</summary>
    public static RuleSet Load(IEnumerable<string>? userDirectories, TextWriter errors)
    {
        RuleSet rules = Open(userDirectories, RuleCompilation.AtLoad);
        WriteErrors(rules, errors);
        return rules;
    }

    /// <summary>
    /// Built-ins compiled as <paramref name="builtIn"/> says, user rules always at load (a user's broken
    /// rule is reported before the run, with file and line); nothing written.
    /// </summary>
    public static RuleSet Open(IEnumerable<string>? userDirectories, RuleCompilation builtIn) =>
        RuleSet.Load([new RuleDirectory(BuiltInDirectory, builtIn), .. (userDirectories ?? []).Select(d => new RuleDirectory(d))]);

    public static void WriteErrors(RuleSet rules, TextWriter errors)
    {
        foreach (RuleLoadError error in rules.Errors)
        {
            errors.WriteLine("vpndiag: warning: " + error);
        }
    }
}

namespace Analyzer.Testing;

/// <summary>Where the repository, its samples and the shared public data are, seen from a test binary.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory holding Analyzer.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Rules => Path.Combine(Root, "rules");

    public static string Docs => Path.Combine(Root, "docs");

    /// <summary>../shared beside the repository (public captures and logs), or null when absent.</summary>
    public static string? Shared
    {
        get
        {
            string candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>The shared directory, or skips the calling test with the reason.</summary>
    public static string RequireShared(string subdirectory = "")
    {
        string shared = Shared ?? throw SkipNoShared();

        string path = Path.Combine(shared, subdirectory);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Skip($"../shared/{subdirectory} is absent");
        }

        return path;
    }

    private static InvalidOperationException SkipNoShared()
    {
        Assert.Skip("../shared (public captures and logs) is not beside the repository");
        return new InvalidOperationException("unreachable");
    }

    private static string FindRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzer.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException("Analyzer.sln not found above " + AppContext.BaseDirectory);
    }
}

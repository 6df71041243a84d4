using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>Every capture the oracle tests walk: ../shared/captures and the repository's samples/.</summary>
internal static class OracleCaptures
{
    private static readonly string[] Extensions = [".pcap", ".pcapng", ".cap"];

    /// <summary>Theory data: paths relative to their root, prefixed "shared:" or "samples:".</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string path in Enumerate())
        {
            data.Add(path);
        }

        if (data.Count == 0)
        {
            data.Add("none");
        }

        return data;
    }

    /// <summary>Resolves a theory row to a file, skipping when its root is absent.</summary>
    public static string Resolve(string row)
    {
        if (row == "none")
        {
            Assert.Skip("no captures in ../shared/captures or samples/");
        }

        int colon = row.IndexOf(':', StringComparison.Ordinal);
        string root = row[..colon] == "shared" ? RepoPaths.RequireShared("captures") : RepoPaths.Samples;
        return Path.Combine(root, row[(colon + 1)..]);
    }

    private static IEnumerable<string> Enumerate()
    {
        string? shared = RepoPaths.Shared is string s ? Path.Combine(s, "captures") : null;
        foreach ((string prefix, string? root) in new[] { ("shared", shared), ("samples", (string?)RepoPaths.Samples) })
        {
            if (root is null || !Directory.Exists(root))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                {
                    yield return prefix + ":" + Path.GetRelativePath(root, file);
                }
            }
        }
    }
}

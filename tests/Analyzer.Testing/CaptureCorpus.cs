namespace Analyzer.Testing;

/// <summary>
/// Every capture in samples/ and ../shared/captures/, as theory rows (paths relative to the
/// repository's parent directory so test names stay short and stable).
/// </summary>
public static class CaptureCorpus
{
    private static readonly string[] Extensions = [".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz"];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string file in Files())
        {
            data.Add(Path.GetRelativePath(Path.GetDirectoryName(RepoPaths.Root)!, file));
        }

        if (data.Count == 0)
        {
            data.Add(string.Empty);
        }

        return data;
    }

    /// <summary>Absolute paths of every capture found.</summary>
    public static IEnumerable<string> Files()
    {
        foreach (string directory in Roots())
        {
            foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The absolute path of a theory row, or skips when there were no captures at all.</summary>
    public static string Resolve(string relative)
    {
        if (relative.Length == 0)
        {
            Assert.Skip("no captures: samples/ is empty and ../shared/captures is absent");
        }

        return Path.Combine(Path.GetDirectoryName(RepoPaths.Root)!, relative);
    }

    private static IEnumerable<string> Roots()
    {
        if (Directory.Exists(RepoPaths.Samples))
        {
            yield return RepoPaths.Samples;
        }

        if (RepoPaths.Shared is string shared && Directory.Exists(Path.Combine(shared, "captures")))
        {
            yield return Path.Combine(shared, "captures");
        }
    }
}

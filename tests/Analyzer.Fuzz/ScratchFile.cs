namespace Analyzer.Fuzz;

/// <summary>
/// One scratch file per process for readers that take a path; rewritten on every execution, so a
/// long campaign leaves one file behind, not millions.
/// </summary>
internal static class ScratchFile
{
    public static string Write(ReadOnlySpan<byte> input, string extension)
    {
        string path = Path.Combine(Path.GetTempPath(), $"vpndiag-fuzz-{Environment.ProcessId}{extension}");
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            file.Write(input);
        }

        return path;
    }
}

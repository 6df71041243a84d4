namespace Analyzer.Bench.EventLogs;

/// <summary>The EVTX files to measure: VPNDIAG_EVTX_DIR, else ../shared/evtx above the repository.</summary>
internal static class SampleFiles
{
    public static string[] Find()
    {
        string? directory = Environment.GetEnvironmentVariable("VPNDIAG_EVTX_DIR");
        if (directory is null)
        {
            DirectoryInfo? probe = new(AppContext.BaseDirectory);
            while (probe is not null && !File.Exists(Path.Combine(probe.FullName, "Analyzer.sln")))
            {
                probe = probe.Parent;
            }

            directory = probe is null ? "." : Path.Combine(probe.FullName, "..", "shared", "evtx");
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException("no EVTX samples: set VPNDIAG_EVTX_DIR or put ../shared/evtx beside the repository");
        }

        string[] files = Directory.GetFiles(directory, "*.evtx", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}

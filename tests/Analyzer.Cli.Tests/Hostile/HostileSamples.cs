using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>The real files the hostile-input tests damage or push past a limit; a missing one skips the test.</summary>
internal static class HostileSamples
{
    private const string SharedPrefix = "shared:";

    /// <summary>A file under samples/, or skips.</summary>
    public static string Sample(string relative)
    {
        string path = Path.Combine(RepoPaths.Samples, relative);
        if (!File.Exists(path))
        {
            Assert.Skip($"samples/{relative} is absent");
        }

        return path;
    }

    /// <summary>A file under samples/, or under ../shared/captures/ when written "shared:relative"; skips when absent.</summary>
    public static string SampleOrShared(string sample) =>
        sample.StartsWith(SharedPrefix, StringComparison.Ordinal) ? SharedCapture(sample[SharedPrefix.Length..]) : Sample(sample);

    /// <summary>A public capture under ../shared/captures, or skips.</summary>
    public static string SharedCapture(string relative)
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), relative);
        if (!File.Exists(path))
        {
            Assert.Skip($"../shared/captures/{relative} is absent");
        }

        return path;
    }

    /// <summary>The smallest EVTX in ../shared/evtx (ties by name), or skips.</summary>
    public static string SmallestSharedEvtx()
    {
        string? file = Directory.GetFiles(RepoPaths.RequireShared("evtx"), "*.evtx", SearchOption.AllDirectories)
            .OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault();
        if (file is null)
        {
            Assert.Skip("no EVTX file in ../shared/evtx");
        }

        return file;
    }
}

using Analyzer.Testing;

namespace Analyzer.Capture.Tests.Samples;

/// <summary>Where a lab scenario's files are (samples/captures/NAME) and its two vantage points.</summary>
internal sealed class LabScenario
{
    private LabScenario(string name) => Name = name;

    public string Name { get; }

    public static string CapturesRoot => System.IO.Path.Combine(RepoPaths.Samples, "captures");

    public string Directory => System.IO.Path.Combine(CapturesRoot, Name);

    public IReadOnlyList<CapturedPacket> Client => TsharkPackets.Read(File("client.pcap"));

    public IReadOnlyList<CapturedPacket> Client2 => TsharkPackets.Read(File("client2.pcap"));

    public IReadOnlyList<CapturedPacket> Server => TsharkPackets.Read(File("server.pcap"));

    public static LabScenario Named(string name)
    {
        var scenario = new LabScenario(name);
        Assert.True(System.IO.Directory.Exists(scenario.Directory), $"samples/captures/{name} is missing");
        return scenario;
    }

    /// <summary>Every scenario directory, captured and converted.</summary>
    public static IEnumerable<string> AllNames() =>
        System.IO.Directory.Exists(CapturesRoot)
            ? System.IO.Directory.GetDirectories(CapturesRoot).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    public string File(string name)
    {
        string path = System.IO.Path.Combine(Directory, name);
        Assert.True(System.IO.File.Exists(path), $"{Name}/{name} is missing");
        return path;
    }

    public string ReadText(string name) => System.IO.File.ReadAllText(File(name));
}

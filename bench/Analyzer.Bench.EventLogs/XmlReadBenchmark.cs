using Analyzer.Core;
using BenchmarkDotNet.Attributes;

namespace Analyzer.Bench.EventLogs;

/// <summary>XML exports (wevtutil /f:xml, Event Viewer "Save as XML"): the samples, and a 100 MB export in UTF-8 and UTF-16LE.</summary>
[MemoryDiagnoser]
public class XmlReadBenchmark
{
    private string[] _samples = [];
    private string _large = string.Empty;
    private string _large16 = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _samples = XmlExportFiles.Samples();
        (_large, _large16) = XmlExportFiles.Large(100);
    }

    [Benchmark]
    public long ReadSamples() => Read(_samples);

    [Benchmark]
    public long ReadLargeUtf8() => Read([_large]);

    [Benchmark]
    public long ReadLargeUtf16() => Read([_large16]);

    internal static long Read(string[] files) => Program.ReadAll(files, InputKind.EventXml);
}

using Analyzer.Core;
using Analyzer.EventLogs;
using BenchmarkDotNet.Attributes;

namespace Analyzer.Bench.EventLogs;

/// <summary>Reads every public EVTX sample (../shared/evtx, or VPNDIAG_EVTX_DIR) once per operation.</summary>
[MemoryDiagnoser]
public class EvtxReadBenchmark
{
    private string[] _files = [];

    [GlobalSetup]
    public void Setup() => _files = SampleFiles.Find();

    [Benchmark]
    public long ReadAllSamples()
    {
        long records = 0;
        for (int i = 0; i < _files.Length; i++)
        {
            var input = new AnalysisInput(i, _files[i], _files[i], InputKind.Evtx);
            records += EventLogReader.Read(input, AnalysisLimits.Default, null, CancellationToken.None).Records.Count;
        }

        return records;
    }
}

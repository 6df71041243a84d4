using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Evtx;

/// <summary>Every public EVTX sample read by vpndiag equals what evtxexport prints for it.</summary>
public sealed class EvtxOracleTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        string? shared = RepoPaths.Shared;
        string folder = shared is null ? string.Empty : Path.Combine(shared, "evtx");
        if (Directory.Exists(folder))
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(folder, file));
            }
        }
        else
        {
            data.Add("(../shared/evtx absent)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Records_equal_evtxexport(string sample)
    {
        string folder = RepoPaths.RequireShared("evtx");
        string path = Path.Combine(folder, sample);
        if (!File.Exists(path))
        {
            Assert.Skip("sample absent: " + sample);
        }

        var input = new AnalysisInput(0, path, sample, InputKind.Evtx);
        EventLogReadResult result = EventLogReader.Read(input, AnalysisLimits.Default, null, TestContext.Current.CancellationToken);
        List<EvtxOracle.OracleEvent> expected;
        try
        {
            expected = EvtxOracle.Export(path);
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("Unable to export", StringComparison.Ordinal))
        {
            Assert.Skip($"evtxexport cannot export this file (vpndiag read {result.Records.Count} records, {result.Diagnostics.Count} diagnostics)");
            return;
        }

        Assert.Equal(expected.Count, result.Records.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            EvtxOracle.OracleEvent want = expected[i];
            EventRecord got = result.Records[i];
            string where = $"{sample} record {want.RecordId}";
            Assert.True(want.RecordId == got.RecordId, where + ": record id " + got.RecordId);
            Assert.True(want.EventId == got.EventId, where + ": event id " + got.EventId);
            Assert.True(want.Provider == got.Provider, where + ": provider " + got.Provider);
            Assert.True(want.TimeCreated == Nine(got.Time), $"{where}: TimeCreated {Nine(got.Time)} vs {want.TimeCreated}");
            // FILETIME 0 ("not set") prints as 1601-01-01; vpndiag keeps no time for it.
            string? wantWritten = want.Written == "1601-01-01T00:00:00.000000000Z" ? null : want.Written;
            Assert.True(wantWritten == Nine(got.Written), $"{where}: written {Nine(got.Written)} vs {want.Written}");
            Assert.True(want.Data.Count == got.Data.Count, $"{where}: {got.Data.Count} data values, evtxexport has {want.Data.Count}: [{string.Join("|", got.Data)}] vs [{string.Join("|", want.Data)}]");
            for (int d = 0; d < want.Data.Count; d++)
            {
                Assert.True(want.Data[d].Key == got.Data[d].Key, $"{where}: data name {got.Data[d].Key} vs {want.Data[d].Key}");
                string wantValue = want.Data[d].Value;
                string gotValue = EvtxOracle.ReplaceControlCharacters(got.Data[d].Value);
                if (wantValue.StartsWith(EvtxOracle.Unescaped, StringComparison.Ordinal))
                {
                    wantValue = wantValue[EvtxOracle.Unescaped.Length..];
                    gotValue = System.Text.RegularExpressions.Regex.Replace(gotValue, "<[^>]*>", string.Empty);
                }

                Assert.True(Normalize(wantValue) == Normalize(gotValue),
                    $"{where}: {want.Data[d].Key} = '{got.Data[d].Value}' vs evtxexport '{want.Data[d].Value}'");
            }
        }
    }

    private static string? Nine(Timestamp? time) => time is Timestamp t ? (t with { FractionDigits = 9 }).ToIso8601() : null;

    /// <summary>evtxexport pretty-prints: it trims values and may re-indent multi-line strings; compare what is left.</summary>
    private static string Normalize(string value) =>
        string.Join('\n', value.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
}

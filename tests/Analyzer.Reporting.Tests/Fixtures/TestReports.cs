using Analyzer.Correlation;
using Analyzer.Diagnosis;

namespace Analyzer.Reporting.Tests.Fixtures;

/// <summary>Fixed options so reports are reproducible, and a per-test output directory under the test binary.</summary>
internal static class TestReports
{
    public static ReportOptions Options(bool redact = false) => new()
    {
        ToolVersion = "0.1.0-test",
        Redact = redact,
        GeneratedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
    };

    public static ReportDocument Synthetic(bool hostile = false, bool redact = false) =>
        ReportBuilder.Build(SyntheticCase.Build(hostile), SyntheticCase.Diagnosis(hostile), Options(redact));

    public static ReportDocument Real(DiagnosisResult? diagnosis = null)
    {
        Case @case = RealCaptureCase.Build();
        return ReportBuilder.Build(@case, diagnosis ?? new DiagnosisResult(), Options());
    }

    /// <summary>A fresh directory for one test's files (kept after the run as artifacts).</summary>
    public static string OutputDirectory(string name)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        return directory;
    }
}

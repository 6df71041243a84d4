using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Tests.Fixtures;
using Analyzer.Testing;

namespace Analyzer.Reporting.Tests;

/// <summary>The filters the report prints select exactly the frames they name, checked with tshark on the real capture.</summary>
public sealed class DisplayFilterTests
{
    [Fact]
    public void Sa_filter_selects_every_frame_of_the_sa()
    {
        ReportDocument document = TestReports.Real();
        Document.ReportIkeSa sa = document.Ike.Sas[0];

        string frames = Tshark.Run(RealCaptureCase.SharedFile(RealCaptureCase.MainModeCapture), ["-Y", ReportLabels.IspiFilter(sa.InitiatorCookie), "-T", "fields", "-e", "frame.number"]);

        Assert.Equal(sa.Messages.Select(m => m.Frame), frames.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse));
    }

    [Fact]
    public void Evidence_frame_filter_selects_that_frame()
    {
        var evidence = new Diagnosis.Evidence(0, 4, null, null, "MM4 from the responder");
        var diagnosis = new Diagnosis.DiagnosisResult
        {
            Findings = [new Diagnosis.Finding { RuleId = "example", Title = "t", Severity = Diagnosis.Severity.Info, Category = "negotiation", Summary = "s", Evidence = [evidence] }],
        };
        string filter = TestReports.Real(diagnosis).Findings[0].Evidence[0].DisplayFilter!;

        string frames = Tshark.Run(RealCaptureCase.SharedFile(RealCaptureCase.MainModeCapture), ["-Y", filter, "-T", "fields", "-e", "frame.number"]);

        Assert.Equal("4", frames.Trim());
    }
}

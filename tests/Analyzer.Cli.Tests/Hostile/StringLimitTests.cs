using Analyzer.Capture;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// <see cref="AnalysisLimits.MaxStringLength"/>, lowered until values in real samples exceed it: each
/// log format cuts them and leaves exactly one warning per file naming the file and where the first
/// cut happened (byte offset and record for binary logs, record and line for text exports).
/// </summary>
public sealed class StringLimitTests : IDisposable
{
    private const int Limit = 8;
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-strings-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Sample(string relative) => HostileSamples.Sample(relative);

    private static (EventLogReadResult Result, InputDiagnostic Notice) ReadCut(string path)
    {
        string name = Path.GetFileName(path);
        var input = new AnalysisInput(0, path, name, EventLogReader.SniffFile(path));
        EventLogReadResult result = EventLogReader.Read(input, new AnalysisLimits { MaxStringLength = Limit }, 2026, CancellationToken.None);
        InputDiagnostic notice = Assert.Single(result.Diagnostics, d => d.Message.Contains($"longer than {Limit} characters", StringComparison.Ordinal));
        Assert.Equal(name, notice.Input);
        Assert.NotEmpty(result.Records);
        Assert.All(result.Records, r => Assert.All(r.Data, d => Assert.True(d.Value.Length <= Limit, d.Key)));
        return (result, notice);
    }

    public static TheoryData<string, int> TextExports() => new()
    {
        { "events/healthy-psk/client-security.xml", 1 },
        { "events/udp500-blocked/client-application.csv", 1 },
        { "captures/udp500-blocked/charon-client.log", 1 },
    };

    [Theory]
    [MemberData(nameof(TextExports))]
    public void Long_values_in_a_text_export_are_cut_with_one_warning_naming_record_and_line(string sample, int firstLine)
    {
        (_, InputDiagnostic notice) = ReadCut(Sample(sample));

        Assert.NotNull(notice.Frame);
        Assert.Contains("line ", notice.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, notice.Severity);
        Assert.True(notice.Frame >= firstLine);
    }

    [Fact]
    public void Long_strings_in_an_EVT_log_are_cut_with_one_warning_at_the_first_record_offset()
    {
        (EventLogReadResult result, InputDiagnostic notice) = ReadCut(Sample("events/legacy/server-security-2003.evt"));

        EventRecord first = result.Records[0];
        Assert.Equal(first.RecordId, notice.Frame);
        Assert.Equal(first.FileOffset, notice.Offset);
        Assert.StartsWith($"server-security-2003.evt: offset 0x{first.FileOffset:X} (frame 3001): ", notice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_values_in_an_EVTX_log_are_cut_with_one_warning_at_a_record_offset()
    {
        (EventLogReadResult result, InputDiagnostic notice) = ReadCut(HostileSamples.SmallestSharedEvtx());

        EventRecord cut = Assert.Single(result.Records, r => r.FileOffset == notice.Offset);
        Assert.Equal(cut.RecordId, notice.Frame);
    }

    /// <summary>Capture (under samples/, or ../shared/captures/ with "shared:"), kind of string, the first frame carrying one longer than 3 characters (tshark).</summary>
    public static TheoryData<string, string, long> CaptureStrings() => new()
    {
        { "captures/aggressive-psk/client.pcap", "an IKE identity", 3 },                                  // ID client@lab.example
        { "captures/l2tp-without-ipsec/client.pcap", "an L2TP AVP string", 3 },                           // SCCRQ vendor xelerance.com
        { "shared:john-samples/lulu-password-pptp.pcap", "a PPTP host or vendor name", 10 },             // SCCRQ vendor Microsoft
        { "shared:john-samples/lulu-password-pptp.pcap", "a PPP user name or message", 28 },             // CHAP Challenge name pptpd
        { "shared:john-samples/lulu-password-pptp.pcap", "an MS-CHAP message", 36 },                     // Success M=Access granted
    };

    [Theory]
    [MemberData(nameof(CaptureStrings))]
    public void Long_peer_strings_in_a_capture_are_cut_with_one_warning_per_kind_naming_capture_and_first_frame(string sample, string what, long frame)
    {
        const int WireLimit = 3;
        string capture = HostileSamples.SampleOrShared(sample);
        string start = what + " longer than ";

        Assert.DoesNotContain(CaptureRun.Diagnostics(capture, AnalysisLimits.Default), d => d.Message.StartsWith(start, StringComparison.Ordinal));
        InputDiagnostic notice = Assert.Single(CaptureRun.Diagnostics(capture, new AnalysisLimits { MaxStringLength = WireLimit }),
            d => d.Message.StartsWith(start, StringComparison.Ordinal));
        Assert.Equal(Path.GetFileName(capture), notice.Input);
        Assert.Equal(frame, notice.Frame);
        Assert.Equal(DiagnosticSeverity.Warning, notice.Severity);
        Assert.Contains($"longer than {WireLimit} characters was cut", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Packet_comment_longer_than_the_limit_is_cut_with_a_warning_at_its_options()
    {
        // editcap (Wireshark) writes the comment, as an analyst annotating a capture would.
        string editcap = ExternalTool.Require("editcap", "wireshark-common");
        string source = Sample("captures/healthy-psk/client.pcap");
        string annotated = Path.Combine(_temp, "annotated.pcapng");
        string comment = new('c', AnalysisLimits.Default.MaxStringLength + 100);
        ExternalTool.Run(editcap, ["-F", "pcapng", "-a", "2:" + comment, source, annotated]);

        var diagnostics = new List<InputDiagnostic>();
        string? read = null;
        long optionsOffset = 0;
        using (CaptureReader reader = CaptureReader.Open(annotated, "annotated.pcapng", AnalysisLimits.Default, diagnostics.Add))
        {
            while (reader.TryReadFrame(out CapturedFrame frame))
            {
                if (frame.Number == 2)
                {
                    read = frame.Comment;
                    optionsOffset = frame.FileOffset + 28 + ((frame.Data.Length + 3) & ~3);
                }
            }
        }

        Assert.Equal(comment[..AnalysisLimits.Default.MaxStringLength], read);
        InputDiagnostic notice = Assert.Single(diagnostics);
        Assert.Equal("annotated.pcapng", notice.Input);
        Assert.Equal(2, notice.Frame);
        Assert.Equal(optionsOffset, notice.Offset);
        Assert.Contains("packet comment of 4196 bytes", notice.Message, StringComparison.Ordinal);
    }
}

using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Cli.Commands;
using Analyzer.Core;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting;
using Analyzer.Reporting.Document;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// One capture on its own: a small snapshot length leaves IKE payloads out, which is missing
/// evidence and not a failure (attempt stages and verdict say so); and the report says from where
/// the capture was taken as far as its TTLs decide, and that the other side's evidence is missing.
/// </summary>
public sealed class LoneCaptureTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-lone-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void A_capture_cut_at_snaplen_96_leaves_the_proposal_stage_unknown_for_that_reason_and_the_verdict_asks_for_a_recapture()
    {
        string capture = CutAt96("phase1-proposal-mismatch");
        ReportDocument report = BuiltInCatalogue.Analyze([capture]).Document;

        ReportAttempt attempt = Assert.Single(report.Attempts);
        ReportAttemptStage proposal = Assert.Single(attempt.Stages, s => s.Stage == "phase1-proposal");
        Assert.Equal("unknown", proposal.Outcome);
        Assert.Contains("taken with snaplen 96: its IKE payloads are cut", proposal.Evidence[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(attempt.Stages, s => s.Outcome == "failed");

        ReportVerdict verdict = report.Verdict!;
        Assert.NotEqual("ok", verdict.Severity);
        Assert.Contains("was taken with snaplen 96; its IKE payloads are cut", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("recapture with -s 0", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("-s 0", verdict.FirstAction!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_capture_says_nothing_of_a_snapshot_length()
    {
        string capture = Path.Combine(SampleScenarios.PathOf("phase1-proposal-mismatch"), "client.pcap");
        Assert.SkipUnless(File.Exists(capture), capture + " is absent");
        ReportDocument report = BuiltInCatalogue.Analyze([capture]).Document;
        Assert.DoesNotContain("snaplen", report.Verdict!.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Attempts.SelectMany(a => a.Stages).SelectMany(s => s.Evidence), e => e.Text.Contains("snaplen", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("psk-mismatch", "client.pcap", "vantage point: client side: the client 198.51.100.20's IKE packets carry TTL 64 and", "the server side's evidence")]
    [InlineData("psk-mismatch", "server.pcap", "vantage point: server side: the client 198.51.100.20's IKE packets carry TTL 63 and", "the client side's evidence")]
    [InlineData("udp500-blocked", "client.pcap", "vantage point: client side: the client 198.51.100.20's IKE packets carry TTL 64, as sent; none from the server", "the server side's evidence")]
    public void A_lone_capture_says_from_which_side_it_was_taken_and_that_the_other_side_is_missing(string scenario, string file, string side, string missing)
    {
        string capture = Path.Combine(SampleScenarios.PathOf(scenario), file);
        Assert.SkipUnless(File.Exists(capture), capture + " is absent");
        ReportDocument report = BuiltInCatalogue.Analyze([capture]).Document;

        ReportWarning vantage = Assert.Single(Assert.Single(report.Inputs).Warnings, w => w.Message.StartsWith("vantage point:", StringComparison.Ordinal));
        Assert.StartsWith(side, vantage.Message, StringComparison.Ordinal);
        Assert.Contains(missing, vantage.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", vantage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_captures_of_one_conversation_carry_no_lone_vantage_line()
    {
        string scenario = SampleScenarios.PathOf("psk-mismatch");
        Assert.SkipUnless(Directory.Exists(scenario), scenario + " is absent");
        ReportDocument report = BuiltInCatalogue.Analyze([Path.Combine(scenario, "client.pcap"), Path.Combine(scenario, "server.pcap")]).Document;
        Assert.DoesNotContain(report.Inputs.SelectMany(i => i.Warnings), w => w.Message.StartsWith("vantage point:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pcapng_with_one_interface_on_each_side_of_a_forwarding_host_counts_each_ike_message_once()
    {
        // A router's capture on both its interfaces, made from the lab's two ends: the client's
        // capture as the Ethernet interface, the server's (Ethernet header cut off) as a raw IP one.
        string scenario = SampleScenarios.PathOf("psk-mismatch");
        Assert.SkipUnless(Directory.Exists(scenario), scenario + " is absent");
        string editcap = ExternalTool.Require("editcap", "wireshark-common");
        string mergecap = ExternalTool.Require("mergecap", "wireshark-common");
        string raw = Path.Combine(_temp, "server-rawip.pcap");
        string router = Path.Combine(_temp, "router.pcapng");
        ExternalTool.Run(editcap, ["-C", "14", "-T", "rawip", Path.Combine(scenario, "server.pcap"), raw]);
        ExternalTool.Run(mergecap, ["-F", "pcapng", "-w", router, Path.Combine(scenario, "client.pcap"), raw]);

        ReportDocument report = BuiltInCatalogue.Analyze([router]).Document;

        Assert.Equal("phase1-auth-failed", report.Verdict!.Rule);
        ReportAttempt attempt = Assert.Single(report.Attempts);
        ReportAttemptMessage first = attempt.Messages[0];
        Assert.Equal("MM1", first.Message);
        Assert.Equal(1, first.Sends);
        Assert.Contains(Assert.Single(report.Inputs).Warnings, w => w.Message.Contains("on two interfaces of this capture", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tcpdump_any_capture_of_a_forwarding_host_counts_each_ike_message_once()
    {
        // tcpdump -i any on a router: one pcap interface, Linux cooked v2 headers naming the interface
        // each copy passed. The lab's client capture plays the client-facing interface (index 2), its
        // server capture the server-facing one (index 3), merged in time order.
        string scenario = SampleScenarios.PathOf("psk-mismatch");
        Assert.SkipUnless(Directory.Exists(scenario), scenario + " is absent");
        var frames = new List<(Timestamp Time, byte[] Data)>();
        AddCooked(Path.Combine(scenario, "client.pcap"), 2, frames);
        AddCooked(Path.Combine(scenario, "server.pcap"), 3, frames);
        string any = Path.Combine(_temp, "any.pcap");
        using (var output = File.Create(any))
        using (var writer = new PcapWriter(output, LinkType.LinuxSll2))
        {
            foreach ((Timestamp time, byte[] data) in frames.OrderBy(f => f.Time))
            {
                writer.WritePacket(time, data);
            }
        }

        ReportDocument report = BuiltInCatalogue.Analyze([any]).Document;

        Assert.Equal("phase1-auth-failed", report.Verdict!.Rule);
        ReportAttemptMessage first = Assert.Single(report.Attempts).Messages[0];
        Assert.Equal("MM1", first.Message);
        Assert.Equal(1, first.Sends);
    }

    /// <summary>Each IPv4 frame of an Ethernet capture behind an SLL2 header (protocol, reserved, interface index, ARPHRD_ETHER, packet type, address length, address).</summary>
    private static void AddCooked(string path, int interfaceIndex, List<(Timestamp, byte[])> frames)
    {
        using CaptureReader reader = CaptureReader.Open(path);
        while (reader.TryReadFrame(out CapturedFrame frame))
        {
            ReadOnlySpan<byte> data = frame.Data;
            if (data.Length < 14 || data[12] != 0x08 || data[13] != 0x00)
            {
                continue;
            }

            byte[] cooked = new byte[20 + data.Length - 14];
            cooked[0] = 0x08;                                                       // protocol: IPv4
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(cooked.AsSpan(4), interfaceIndex);
            cooked[9] = 0x01;                                                       // ARPHRD_ETHER
            cooked[11] = 6;                                                         // address length
            data[6..12].CopyTo(cooked.AsSpan(12));                                  // sender's MAC
            data[14..].CopyTo(cooked.AsSpan(20));
            frames.Add((frame.Time, cooked));
        }
    }

    /// <summary>The lab's capture as tcpdump -s 96 would have written it: editcap cuts every frame at 96 bytes.</summary>
    private string CutAt96(string scenario)
    {
        string original = Path.Combine(SampleScenarios.PathOf(scenario), "client.pcap");
        Assert.SkipUnless(File.Exists(original), original + " is absent");
        string editcap = ExternalTool.Require("editcap", "wireshark-common");
        string cut = Path.Combine(_temp, "client-s96.pcap");
        ExternalTool.Run(editcap, ["-s", "96", original, cut]);
        return cut;
    }
}

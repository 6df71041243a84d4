using System.Text.Json;
using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// A capture started in the middle of a negotiation (IKEv1 Main Mode message 3 first, IKEv2 IKE_AUTH
/// first) shows no first message and no answer to it, yet the initiator sends those messages only
/// after the responder answered (RFC 2409 §5, RFC 7296 §1.2): reachability and the proposal passed,
/// as inferred evidence, instead of "first message never answered" or every later stage left unknown. The lab's healthy-psk client
/// capture is rewritten in the test without its first two IKE datagrams (constructed; no file kept).
/// </summary>
public sealed class MidNegotiationCaptureTests
{
    [Fact]
    public void A_capture_that_begins_at_main_mode_message_3_infers_the_agreed_proposal_and_judges_the_later_stages()
    {
        string folder = Path.Combine(Path.GetTempPath(), "vpndiag-midneg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string capture = Path.Combine(folder, "client-from-mm3.pcap");
            int dropped = CopyWithoutFirstIkeDatagrams(Path.Combine(RepoPaths.Samples, "captures", "healthy-psk", "client.pcap"), capture, 2);
            Assert.Equal(2, dropped);

            (_, string output, _) = CliRunner.Run("analyze", capture, "--format", "json", "-q");
            JsonElement attempt = JsonDocument.Parse(output).RootElement.GetProperty("attempts")[0];
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("failedStage").ValueKind);
            JsonElement Stage(string name) => attempt.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == name);

            // MM4 answers MM3 in the capture: reachability is observed; the proposal MM2 carried is not in it.
            Assert.Equal("passed", Stage("ike-reachability").GetProperty("outcome").GetString());
            JsonElement proposal = Stage("phase1-proposal");
            Assert.Equal("passed", proposal.GetProperty("outcome").GetString());
            JsonElement evidence = proposal.GetProperty("evidence")[0];
            Assert.Equal("inferred", evidence.GetProperty("kind").GetString());
            Assert.Contains("Main Mode message 3", evidence.GetProperty("text").GetString(), StringComparison.Ordinal);

            // With the proposal inferred, the later stages are judged from what the capture shows.
            foreach (string stage in new[] { "phase1-auth", "phase2", "esp" })
            {
                Assert.Equal("passed", Stage(stage).GetProperty("outcome").GetString());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_capture_holding_only_an_ike_auth_request_is_not_called_unanswered_at_reachability()
    {
        string capture = Path.Combine(RepoPaths.RequireShared("captures"), "tcpdump", "ikev2-id-normal.pcap");
        if (!File.Exists(capture))
        {
            Assert.Skip("../shared/captures/tcpdump/ikev2-id-normal.pcap is not present");
        }

        (_, string output, _) = CliRunner.Run("analyze", capture, "--format", "json", "-q");
        JsonElement attempt = JsonDocument.Parse(output).RootElement.GetProperty("attempts")[0];
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("failedStage").ValueKind);
        JsonElement reachability = attempt.GetProperty("stages")[0];
        Assert.Equal("passed", reachability.GetProperty("outcome").GetString());
        Assert.Contains("IKE_AUTH request", reachability.GetProperty("evidence")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private static int CopyWithoutFirstIkeDatagrams(string source, string target, int count)
    {
        int dropped = 0;
        using CaptureReader reader = CaptureReader.Open(source);
        using var output = File.Create(target);
        PcapWriter? writer = null;
        ReadOnlySpan<byte> ikePorts = [0x01, 0xF4, 0x01, 0xF4];
        while (reader.TryReadFrame(out CapturedFrame frame))
        {
            writer ??= new PcapWriter(output, frame.LinkType, leaveOpen: true);
            byte[] data = frame.Data.ToArray();
            if (dropped < count && data.AsSpan().IndexOf(ikePorts) >= 0)
            {
                dropped++;
                continue;
            }

            writer.WritePacket(frame.Time, data, data.Length);
        }

        writer?.Dispose();
        return dropped;
    }
}

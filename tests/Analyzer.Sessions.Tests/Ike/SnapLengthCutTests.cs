using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// A capture taken with a small snapshot length (tcpdump -s 64/150) cuts IKE messages short on
/// purpose: that is a limit of the capture, said once, never damage in transit. The lab's
/// psk-mismatch server capture is rewritten with the snaplen in the test (no derived file kept).
/// </summary>
public sealed class SnapLengthCutTests
{
    [Fact]
    public void Messages_cut_by_the_snapshot_length_are_not_malformed_and_the_capture_says_so_once()
    {
        CaptureModel model = WithSnapLength(150);
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.DoesNotContain(sa.Anomalies, a => a.Kind is IkeAnomalyKind.TruncatedMessage or IkeAnomalyKind.MalformedPayload);
        Assert.Equal(ExchangeState.AnsweredByEncryptedInformational, sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode).State);
        InputDiagnostic cut = Assert.Single(model.Diagnostics, d => d.Message.Contains("snapshot length", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, cut.Severity);
        Assert.Contains("first at frame 3: 108 of 180 bytes", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_length_below_the_ike_header_gives_one_warning_instead_of_a_note_per_frame()
    {
        CaptureModel model = WithSnapLength(64);
        Assert.Empty(model.IkeSas);
        Assert.DoesNotContain(model.Diagnostics, d => d.Message.StartsWith("IKE header unreadable", StringComparison.Ordinal));
        InputDiagnostic cut = Assert.Single(model.Diagnostics, d => d.Message.Contains("snapshot length", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, cut.Severity);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(150)]
    public void The_snapshot_length_and_the_ike_messages_it_cut_are_typed_on_the_capture_statistics(int snapLength)
    {
        CaptureModel model = WithSnapLength(snapLength);
        Assert.Equal(snapLength, model.Statistics.SnapLength);
        Assert.True(model.Statistics.IkeMessagesCut > 0);
        Assert.Equal(3, model.Statistics.FirstIkeMessageCut);
    }

    private static CaptureModel WithSnapLength(int snapLength)
    {
        string source = LabScenario.Require("psk-mismatch", "server");
        string path = Path.Combine(Path.GetTempPath(), $"vpndiag-snap{snapLength}-{Environment.ProcessId}.pcap");
        try
        {
            using (CaptureReader reader = CaptureReader.Open(source))
            using (var output = File.Create(path))
            using (var writer = new PcapWriter(output, LinkType.Ethernet, snapLength: (uint)snapLength))
            {
                while (reader.TryReadFrame(out CapturedFrame frame))
                {
                    ReadOnlySpan<byte> data = frame.Data;
                    writer.WritePacket(frame.Time, data[..Math.Min(snapLength, data.Length)], data.Length);
                }
            }

            return DecodedCapture.Reconstruct(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using Analyzer.Correlation.Events;
using Analyzer.EventLogs;
using Analyzer.Sessions;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Events;

/// <summary>The lab's strongSwan logs against the capture of the same run (samples/captures; skipped until merged).</summary>
public sealed class DaemonLogCorrelationTests
{
    private static string Lab(string scenario, string file)
    {
        string path = Path.Combine(RepoPaths.Samples, "captures", scenario, file);
        if (!File.Exists(path))
        {
            Assert.Skip($"lab sample absent: samples/captures/{scenario}/{file}");
        }

        return path;
    }

    [Fact]
    public void Charon_packet_lines_match_captured_messages_with_a_clock_offset_near_zero()
    {
        CaptureModel capture = TsharkCapture.Load(5, Lab("healthy-psk", "server.pcap"));
        List<EventRecord> log = EventSamples.Read(0, "captures/healthy-psk/charon-server.log");

        EventCorrelationResult result = EventCorrelator.Correlate([capture], log);

        List<CorrelatedEvent> received = result.Events.Where(e => e.Record.Normalized!.Kind == "charon-packet-received").ToList();
        Assert.NotEmpty(received);
        Assert.All(received, e => Assert.Equal(e.Record.Normalized!.RemotePort, capture.IkeSas[0].Messages.First(m => m.Frame == e.Frame).From.Port));
        LogClockOffset offset = Assert.Single(result.Offsets);
        Assert.InRange(offset.OffsetSeconds, -0.05, 0.05);
    }

    [Fact]
    public void Verbose_charon_log_is_tied_by_cookies()
    {
        CaptureModel capture = TsharkCapture.Load(5, Lab("psk-mismatch", "server.pcap"));
        List<EventRecord> log = EventSamples.Read(0, "captures/psk-mismatch/charon-server-ike4.log");

        EventCorrelationResult result = EventCorrelator.Correlate([capture], log);

        CorrelatedEvent failure = Assert.Single(result.Events, e => e.Record.Normalized!.Kind == "charon-auth-failed" && e.How == CorrelationMethod.Cookies
            && e.Record.Time == log.First(r => r.Normalized?.Kind == "charon-auth-failed").Time);
        Assert.Same(capture.IkeSas[0], failure.Sa);
        Assert.InRange(Assert.Single(result.Offsets).OffsetSeconds, -0.05, 0.05);
    }
}

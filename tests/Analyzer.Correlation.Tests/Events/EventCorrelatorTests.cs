using Analyzer.Correlation.Events;
using Analyzer.EventLogs;
using Analyzer.Sessions;

namespace Analyzer.Correlation.Tests.Events;

/// <summary>Constructed Windows-side samples (samples/events) against the capture facts of their lab scenarios.</summary>
public sealed class EventCorrelatorTests
{
    [Fact]
    public void Main_mode_failure_is_tied_by_cookies_and_gives_the_clients_clock_offset()
    {
        CaptureModel capture = ScenarioCaptures.PskMismatch();
        List<EventRecord> security = EventSamples.Read(0, "events/psk-mismatch/client-security.xml");

        EventCorrelationResult result = EventCorrelator.Correlate([capture], security);

        CorrelatedEvent tie = Assert.Single(result.Events);
        Assert.Equal(CorrelationMethod.Cookies, tie.How);
        Assert.Same(capture.IkeSas[0], tie.Sa);
        Assert.Equal(16, tie.Frame!.Value.Frame); // the last informational, nearest to the client's give-up
        LogClockOffset offset = Assert.Single(result.Offsets);
        Assert.Equal(0, offset.LogInputIndex);
        Assert.Equal(capture.Input.Index, offset.CaptureInputIndex);
        Assert.InRange(offset.OffsetSeconds, 419.5, 420.5); // the sample's client clock runs 420 s ahead
    }

    [Fact]
    public void Offset_from_cookies_lets_a_skewed_log_match_by_endpoints_and_time()
    {
        CaptureModel capture = ScenarioCaptures.PskMismatch();
        var records = new List<EventRecord>();
        records.AddRange(EventSamples.Read(0, "events/psk-mismatch/client-security.xml"));
        records.AddRange(EventSamples.Read(0, "events/psk-mismatch/client-application.xml"));

        EventCorrelationResult withOffset = EventCorrelator.Correlate([capture], records);
        EventCorrelationResult withoutCookies = EventCorrelator.Correlate([capture], records.Where(r => r.EventId != 4653).ToList());

        CorrelatedEvent dialing = Assert.Single(withOffset.Events, e => e.Record.EventId == 20222);
        Assert.Equal(CorrelationMethod.EndpointsAndTime, dialing.How);
        Assert.Equal(3, dialing.Frame!.Value.Frame);
        Assert.DoesNotContain(withoutCookies.Events, e => e.Record.EventId == 20222); // 420 s is outside the 5-minute window
    }

    [Fact]
    public void Quick_mode_event_is_tied_to_the_esp_flow_by_its_spi()
    {
        CaptureModel capture = ScenarioCaptures.HealthyPsk();
        List<EventRecord> security = EventSamples.Read(0, "events/healthy-psk/client-security.xml");

        EventCorrelationResult result = EventCorrelator.Correlate([capture], security);

        CorrelatedEvent quickMode = Assert.Single(result.Events, e => e.Record.EventId == 5451);
        Assert.Equal(CorrelationMethod.Spi, quickMode.How);
        Assert.Same(capture.IkeSas[0], quickMode.Sa);
        CorrelatedEvent mainMode = Assert.Single(result.Events, e => e.Record.EventId == 4650);
        Assert.Equal(CorrelationMethod.EndpointsAndTime, mainMode.How);
        Assert.InRange(Math.Abs(Assert.Single(result.Offsets).OffsetSeconds), 0, 0.1);
    }

    [Fact]
    public void Legacy_2003_events_match_by_filter_addresses_and_time()
    {
        CaptureModel healthy = ScenarioCaptures.HealthyPsk(10);
        CaptureModel mismatch = ScenarioCaptures.PskMismatch(11);
        List<EventRecord> legacy = EventSamples.Read(0, "events/legacy/server-security-2003.xml");

        EventCorrelationResult result = EventCorrelator.Correlate([healthy, mismatch], legacy);

        CorrelatedEvent failure = Assert.Single(result.Events, e => e.Record.EventId == 547);
        Assert.Same(mismatch.IkeSas[0], failure.Sa);
        Assert.Contains(result.Events, e => e.Record.EventId == 541 && e.Sa == healthy.IkeSas[0]);
        Assert.DoesNotContain(result.Events, e => e.Record.EventId is 544 or 545 or 546); // peer 192.0.2.77 is in no capture
    }

    [Fact]
    public void Events_far_from_any_sa_in_time_stay_uncorrelated()
    {
        CaptureModel capture = ScenarioCaptures.HealthyPsk();
        List<EventRecord> other = EventSamples.Read(0, "events/ipsec-other/client-security.xml");
        EventCorrelationResult result = EventCorrelator.Correlate([capture], other);
        Assert.DoesNotContain(result.Events, e => e.How == CorrelationMethod.EndpointsAndTime);
    }

    [Fact]
    public void Timed_out_main_mode_pairs_with_the_unanswered_sa_from_two_logs()
    {
        CaptureModel capture = ScenarioCaptures.Udp500Blocked();
        var records = new List<EventRecord>();
        records.AddRange(EventSamples.Read(0, "events/udp500-blocked/client-security.xml"));
        records.AddRange(EventSamples.Read(1, "events/udp500-blocked/client-application.csv"));

        EventCorrelationResult result = EventCorrelator.Correlate([capture], records);

        Assert.Equal(CorrelationMethod.Cookies, Assert.Single(result.Events, e => e.Record.EventId == 4653).How);
        Assert.Contains(result.Offsets, o => o.LogInputIndex == 0);
    }
}

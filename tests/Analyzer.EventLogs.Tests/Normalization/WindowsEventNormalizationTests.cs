namespace Analyzer.EventLogs.Tests.Normalization;

/// <summary>
/// One row per typed event: the constructed samples (samples/events, built from the published
/// schemas) normalise to the documented kind, failure flag and code.
/// </summary>
public sealed class WindowsEventNormalizationTests
{
    public static TheoryData<string, int, string, bool, long?> Cases => new()
    {
        { "healthy-psk/client-security.xml", 4650, "ipsec-mm-established", false, null },
        { "healthy-psk/client-security.xml", 5451, "ipsec-qm-established", false, null },
        { "healthy-psk/client-security.xml", 5452, "ipsec-qm-ended", false, null },
        { "healthy-psk/client-security.xml", 4655, "ipsec-mm-ended", false, null },
        { "healthy-psk/client-application.xml", 20221, "rasclient-dialing", false, null },
        { "healthy-psk/client-application.xml", 20222, "rasclient-connecting-device", false, null },
        { "healthy-psk/client-application.xml", 20223, "rasclient-device-connected", false, null },
        { "healthy-psk/client-application.xml", 20224, "rasclient-link-established", false, null },
        { "healthy-psk/client-application.xml", 20225, "rasclient-connected", false, null },
        { "udp500-blocked/client-security.xml", 4653, "ipsec-mm-failed", true, 13805 },
        { "udp500-blocked/client-application.csv", 20227, "rasclient-error", true, 809 },
        { "psk-mismatch/client-security.xml", 4653, "ipsec-mm-failed", true, 13801 },
        { "psk-mismatch/client-application.xml", 20227, "rasclient-error", true, 789 },
        { "psk-mismatch/client-application-de.csv", 20227, "rasclient-error", true, 789 },
        { "psk-mismatch/client-security-getwinevent.csv", 4653, "ipsec-mm-failed", true, 13801 },
        { "esp-dropped-one-way/client-application.xml", 20227, "rasclient-error", true, 809 },
        { "legacy/server-security-2003.xml", 541, "ike-legacy-sa-established", false, null },
        { "legacy/server-security-2003.xml", 542, "ike-legacy-qm-sa-ended", false, null },
        { "legacy/server-security-2003.xml", 543, "ike-legacy-mm-sa-ended", false, null },
        { "legacy/server-security-2003.xml", 544, "ike-legacy-cert-trust-failed", true, null },
        { "legacy/server-security-2003.xml", 545, "ike-legacy-peer-auth-failed", true, null },
        { "legacy/server-security-2003.xml", 546, "ike-legacy-invalid-proposal", true, null },
        { "legacy/server-security-2003.xml", 547, "ike-legacy-negotiation-failed", true, 13801 },
        { "ipsec-other/client-security.xml", 4651, "ipsec-mm-established", false, null },
        { "ipsec-other/client-security.xml", 4652, "ipsec-mm-failed", true, 13806 },
        { "ipsec-other/client-security.xml", 4654, "ipsec-qm-failed", true, 13825 },
        { "ipsec-other/client-security.xml", 4976, "ipsec-mm-invalid-packet", true, null },
        { "ipsec-other/client-security.xml", 4977, "ipsec-qm-invalid-packet", true, null },
        { "ipsec-other/client-security.xml", 4978, "ipsec-em-invalid-packet", true, null },
        { "ipsec-other/client-security.xml", 4979, "ipsec-em-established", false, null },
        { "ipsec-other/client-security.xml", 4982, "ipsec-em-established", false, null },
        { "ipsec-other/client-security.xml", 4983, "ipsec-em-failed", true, 13827 },
        { "ipsec-other/client-security.xml", 4960, "ipsec-integrity-check-failed", true, null },
        { "ipsec-other/client-security.xml", 4961, "ipsec-replay-check-failed", true, null },
        { "ipsec-other/client-security.xml", 4962, "ipsec-replay-window-drop", true, null },
        { "ipsec-other/client-security.xml", 4963, "ipsec-cleartext-dropped", true, null },
        { "ipsec-other/client-security.xml", 4965, "ipsec-bad-spi", true, null },
        { "ipsec-other/client-security.xml", 5049, "ipsec-sa-deleted", false, null },
        { "ipsec-other/client-security.xml", 5453, "ipsec-ikeext-not-running", true, null },
        { "ipsec-other/client-security.xml", 5478, "ipsec-service-started", false, null },
        { "ipsec-other/client-security.xml", 5479, "ipsec-service-stopped", false, null },
        { "ipsec-other/client-security.xml", 5484, "ipsec-service-failure", true, null },
        { "ras-server/server-system.xml", 20271, "ras-server-connection-rejected", true, 691 },
        { "ras-server/server-security.xml", 6273, "nps-access-denied", true, 16 },
        { "ras-server/server-security.xml", 6272, "nps-access-granted", false, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constructed_sample_normalises_to_its_kind(string sample, int eventId, string kind, bool failure, long? code)
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.EventSample(sample));
        EventRecord record = result.Records.First(r => r.EventId == eventId);
        NormalizedEvent normalized = Assert.IsType<NormalizedEvent>(record.Normalized);
        Assert.Equal(kind, normalized.Kind);
        Assert.Equal(failure, normalized.IsFailure);
        Assert.Equal(code, normalized.Code);
        if (code is not null)
        {
            Assert.False(string.IsNullOrEmpty(normalized.CodeMeaning), $"code {code} has no meaning in vpndiag's tables");
        }
    }

    [Fact]
    public void Main_mode_failure_carries_endpoints_and_cookies()
    {
        EventRecord record = SampleLogs.Read(SampleLogs.EventSample("psk-mismatch/client-security.xml")).Records.Single();
        NormalizedEvent n = record.Normalized!;
        Assert.Equal("198.51.100.20", n.LocalAddress.ToString());
        Assert.Equal("203.0.113.10", n.RemoteAddress.ToString());
        Assert.Equal((ushort)4500, n.LocalPort);
        Assert.Equal((ushort)4500, n.RemotePort);
        Assert.Equal(0xb965953a307bd62fUL, n.InitiatorCookie);
        Assert.Equal(0xb97d549998ca823bUL, n.ResponderCookie);
        Assert.Null(n.FailurePoint);   // an unrendered message-table reference, kept only in the fields
        Assert.Equal("%%8199", record.GetData("FailurePoint"));
    }

    [Fact]
    public void Get_WinEvent_csv_yields_the_same_main_mode_failure_as_the_xml()
    {
        NormalizedEvent fromXml = SampleLogs.Read(SampleLogs.EventSample("psk-mismatch/client-security.xml")).Records.Single().Normalized!;
        EventRecord csv = SampleLogs.Read(SampleLogs.EventSample("psk-mismatch/client-security-getwinevent.csv")).Records.Single();
        NormalizedEvent fromCsv = csv.Normalized!;
        Assert.Equal(9201, csv.RecordId);
        Assert.Equal(fromXml.LocalAddress, fromCsv.LocalAddress);
        Assert.Equal(fromXml.RemoteAddress, fromCsv.RemoteAddress);
        Assert.Equal(fromXml.InitiatorCookie, fromCsv.InitiatorCookie);
        Assert.Equal(fromXml.ResponderCookie, fromCsv.ResponderCookie);
        Assert.Equal(fromXml.Code, fromCsv.Code);
    }

    [Fact]
    public void Quick_mode_event_keeps_the_esp_spis()
    {
        EventRecord record = SampleLogs.Read(SampleLogs.EventSample("healthy-psk/client-security.xml")).Records.First(r => r.EventId == 5451);
        Assert.Equal(0x92479477u.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Normalized!.Fields["inboundSpi"]);
        Assert.Equal(0x2a1c49d6u.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Normalized.Fields["outboundSpi"]);
    }

    [Fact]
    public void Legacy_547_takes_ike_addresses_from_the_filter_text()
    {
        EventRecord record = SampleLogs.Read(SampleLogs.EventSample("legacy/server-security-2003.xml")).Records.First(r => r.EventId == 547);
        Assert.Equal("203.0.113.10", record.Normalized!.LocalAddress.ToString());
        Assert.Equal("198.51.100.20", record.Normalized.RemoteAddress.ToString());
        Assert.Equal((ushort)4500, record.Normalized.RemotePort);
        Assert.Equal("Me", record.Normalized.FailurePoint);
    }

    [Fact]
    public void Records_without_a_map_are_kept_but_not_interpreted()
    {
        var record = new EventRecord { InputIndex = 0, RecordId = 1, EventId = 4624, Provider = "Microsoft-Windows-Security-Auditing" };
        Assert.Null(Analyzer.EventLogs.Normalization.EventNormalizer.Normalize(record));
    }
}

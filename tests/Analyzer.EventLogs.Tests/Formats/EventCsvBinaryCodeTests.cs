namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// RemoteAccess 20271 keeps its error code (691, 812) only in the event's binary data, which an Event
/// Viewer CSV drops. The rows here are CONSTRUCTED after the real 20271 records in
/// ../shared/evtx/vpn/ (same strings, English message): the export must say the code is not in it.
/// </summary>
public sealed class EventCsvBinaryCodeTests
{
    private const string English = "Level,Date and Time,Source,Event ID,Task Category\r\n";
    private const string Rejected =
        "Warning,06/03/2020 11:47:14,RemoteAccess,20271,None,\"The user Admin connected from 123.123.123.123 but failed an authentication attempt due to the following reason: The remote connection was denied because the user name and password combination you provided is not recognized, or the selected authentication protocol is not permitted on the remote access server.\"\r\n";

    [Fact]
    public void A_csv_export_of_remoteaccess_20271_says_its_code_is_only_in_the_binary_data_the_export_dropped()
    {
        EventLogReadResult result = EventCsvText.Read(English + Rejected + Rejected);

        Assert.Equal(2, result.Records.Count);
        Core.InputDiagnostic note = Assert.Single(result.Diagnostics, d => d.Message.Contains("binary data", StringComparison.Ordinal));
        Assert.StartsWith("2 RemoteAccess 20271 event(s), first at record 1", note.Message, StringComparison.Ordinal);
        Assert.Contains("code not in this export: read the .evtx", note.Message, StringComparison.Ordinal);
        Assert.Equal(Core.DiagnosticSeverity.Warning, note.Severity);
    }

    [Fact]
    public void A_csv_export_whose_codes_are_in_the_message_gets_no_binary_data_note()
    {
        const string Row = "Error,06/03/2020 11:47:14,RasClient,20227,None,\"CoId={6E4B1C2A-9F3D-4E21-B0A7-5C8D2E1F3A90}: The user LAB\\alice dialed a connection named VPN which has failed. The error code returned on failure is 691.\"\r\n";
        EventLogReadResult result = EventCsvText.Read(English + Row);

        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("binary data", StringComparison.Ordinal));
    }
}

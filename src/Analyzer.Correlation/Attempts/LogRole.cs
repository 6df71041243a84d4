using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Whether a daemon log's lines of one IKE SA were written by its initiator or its responder: charon
/// and pluto say which ("initiating Main Mode IKE_SA ...", "198.51.100.20 is initiating a Main Mode
/// IKE_SA", "responding to Main Mode from unknown peer ..."); a Windows RAS event says by its
/// provider (RasClient dials, RemoteAccess answers).
/// </summary>
internal static class LogRole
{
    public static bool IsInitiator(IEnumerable<EventRecord> records) =>
        records.Any(r => r.Normalized?.Signal == DaemonSignal.Initiating || WindowsRasFailure.ByClient(r) == true);

    public static bool IsResponder(IEnumerable<EventRecord> records) =>
        records.Any(r => r.Normalized?.Signal == DaemonSignal.PeerInitiating || WindowsRasFailure.ByClient(r) == false);
}

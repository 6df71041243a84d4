using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// The side a stage failed on when only daemon logs show the attempt (no capture holds its IKE SA).
/// Whose log it is decides: a responder's log (its peer initiated) that records the failure shows the
/// server refusing; an initiator's log that gave up waiting cannot tell a server that dropped the
/// message from a path that lost it; an initiator's log naming an error notify from the peer shows the
/// server refusing, any other failure it records is the client's own refusal.
/// </summary>
internal static class LogSide
{
    public static (AttemptSide Side, SideBasis Basis) Of(ConnectionAttempt attempt, StageVerdict failed)
    {
        // Several logs may record the failure (the client's and the server's): the responder judges the
        // initiator's authentication first, so its log's verdict wins; else the first that places it.
        (AttemptSide Side, SideBasis Basis)? fromResponder = null;
        (AttemptSide Side, SideBasis Basis) best = (AttemptSide.Unknown, SideBasis.None);
        foreach (EventRecord record in failed.Evidence.Select(e => e.Record).OfType<EventRecord>())
        {
            (AttemptSide Side, SideBasis Basis) side = Of(attempt, failed, record);
            if (side.Side != AttemptSide.Unknown && LogRole.IsResponder(attempt.Records.Where(r => r.InputIndex == record.InputIndex)))
            {
                fromResponder ??= side;
            }

            if (best.Side == AttemptSide.Unknown && (side.Side != AttemptSide.Unknown || best.Basis == SideBasis.None))
            {
                best = side;
            }
        }

        return failed.Evidence.All(e => e.Record is null) ? Of(attempt, failed, null) : fromResponder ?? best;
    }

    private static (AttemptSide Side, SideBasis Basis) Of(ConnectionAttempt attempt, StageVerdict failed, EventRecord? record)
    {
        if (record?.Normalized is not NormalizedEvent normalized)
        {
            return failed.Stage == AttemptStage.PppAuth ? (AttemptSide.Server, SideBasis.ServerRejected) : (AttemptSide.Unknown, SideBasis.None);
        }

        if (WindowsRasFailure.TryStage(normalized, out AttemptStage rasStage))
        {
            // The Windows error code blames a side whoever logged it (691 is the server's refusal in the client's event too).
            return WindowsRasFailure.Side(normalized, record, rasStage);
        }

        bool responder = LogRole.IsResponder(attempt.Records.Where(r => r.InputIndex == record.InputIndex));
        bool initiator = LogRole.IsInitiator(attempt.Records.Where(r => r.InputIndex == record.InputIndex));
        bool gaveUp = normalized.Signal == DaemonSignal.GiveUp || normalized.Outcome == "retried"
            || WindowsMainModeFailure.GaveUpWaiting(normalized);
        if (responder || (!initiator && !gaveUp && normalized.RemoteAddress is not null))
        {
            // A daemon that received the peer's packet and refused it (pluto's "packet from A:500:
            // ignoring IKEv1 packet" names no exchange it joined): the server's refusal. (A notify the
            // map names may be one it sent or one it received: it does not move the side.)
            return gaveUp ? (AttemptSide.Unknown, SideBasis.None) : (AttemptSide.Server, SideBasis.ServerRejected);
        }

        if (initiator)
        {
            if (gaveUp)
            {
                return (AttemptSide.Unknown, SideBasis.ClientViewOnly);
            }

            if (normalized.Signal == DaemonSignal.PskMismatch)
            {
                // The initiator could not read the responder's answer to its authentication: the
                // responder answered with keys from another pre-shared key, as a capture shows it
                // answering message 5 with an encrypted Informational.
                return (AttemptSide.Server, SideBasis.ServerRejectedAuthentication);
            }

            return normalized.Fields.ContainsKey("notify") ? (AttemptSide.Server, SideBasis.ServerRejected) : (AttemptSide.Client, SideBasis.ClientRejected);
        }

        // xl2tpd and pppd: the LNS's log names the refusal; which end wrote it is not known here.
        return failed.Stage == AttemptStage.PppAuth ? (AttemptSide.Server, SideBasis.ServerRejected) : (AttemptSide.Unknown, SideBasis.None);
    }
}

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
        EventRecord? record = failed.Evidence.Select(e => e.Record).LastOrDefault(r => r is not null);
        if (record?.Normalized is not NormalizedEvent normalized)
        {
            return failed.Stage == AttemptStage.PppAuth ? (AttemptSide.Server, SideBasis.ServerRejected) : (AttemptSide.Unknown, SideBasis.None);
        }

        bool responder = LogRole.IsResponder(attempt.Records.Where(r => r.InputIndex == record.InputIndex));
        bool initiator = LogRole.IsInitiator(attempt.Records.Where(r => r.InputIndex == record.InputIndex));
        bool gaveUp = normalized.Kind.EndsWith("give-up", StringComparison.Ordinal) || normalized.Outcome == "retried";
        if (responder || (!initiator && !gaveUp && normalized.RemoteAddress is not null))
        {
            // A daemon that received the peer's packet and refused it (pluto's "packet from A:500:
            // ignoring IKEv1 packet" names no exchange it joined): the server's refusal.
            return gaveUp ? (AttemptSide.Unknown, SideBasis.None) : (AttemptSide.Server, SideBasis.ServerRejected);
        }

        if (initiator)
        {
            if (gaveUp)
            {
                return (AttemptSide.Unknown, SideBasis.ClientViewOnly);
            }

            return normalized.Fields.ContainsKey("notify") ? (AttemptSide.Server, SideBasis.ServerRejected) : (AttemptSide.Client, SideBasis.ClientRejected);
        }

        // xl2tpd and pppd: the LNS's log names the refusal; which end wrote it is not known here.
        return failed.Stage == AttemptStage.PppAuth ? (AttemptSide.Server, SideBasis.ServerRejected) : (AttemptSide.Unknown, SideBasis.None);
    }
}

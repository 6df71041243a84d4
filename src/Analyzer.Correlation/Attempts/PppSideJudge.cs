using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// The side a failed PPP stage broke on, from what the PPP packets show: the authenticator's Failure
/// (server), the side that refused a required option (an address, MPPE), or the side whose LCP never
/// answered (seen arriving in the server's own capture: the server received it and stayed silent).
/// A Terminate-Request alone only says who gave up, which is the side at fault only when nothing
/// refused before it.
/// </summary>
internal static class PppSideJudge
{
    public static (AttemptSide, SideBasis) Side(ConnectionAttempt attempt, AttemptStage stage)
    {
        List<(L2tpTunnel Tunnel, PppSession Ppp)> sessions = [.. Sessions(attempt)];
        if (sessions.Count == 0)
        {
            return stage == AttemptStage.PppAuth ? (AttemptSide.Server, SideBasis.ServerRejected) : (AttemptSide.Unknown, SideBasis.None);
        }

        PppSession ppp = sessions[0].Ppp;
        return stage switch
        {
            AttemptStage.PppAuth when ppp.AuthenticationResult != PppAuthenticationResult.Failure && ppp.EncryptionRefusedByClient is bool client =>
                client ? (AttemptSide.Client, SideBasis.ClientRejected) : (AttemptSide.Server, SideBasis.ServerRejected),
            AttemptStage.PppAuth => (AttemptSide.Server, SideBasis.ServerRejected),
            AttemptStage.PppLcp => Lcp(attempt, sessions),
            AttemptStage.PppIpcp when ppp.ClientAddressRefused => (AttemptSide.Server, SideBasis.ServerRejected),
            AttemptStage.PppIpcp => GaveUp(ppp.IpcpTerminatedByClient ?? ppp.TerminatedByClient),
            _ => (AttemptSide.Unknown, SideBasis.None),
        };
    }

    private static (AttemptSide, SideBasis) Lcp(ConnectionAttempt attempt, List<(L2tpTunnel Tunnel, PppSession Ppp)> sessions)
    {
        PppSession ppp = sessions[0].Ppp;
        if (ppp.LcpUnansweredByServer is not bool serverSilent)
        {
            return (AttemptSide.Unknown, SideBasis.None);
        }

        // The silent side's own capture shows the requests arrived: it received them and did not answer.
        string silentRole = serverSilent ? VantageRoles.Server : VantageRoles.Client;
        AttemptView? silent = attempt.ViewAt(silentRole);
        bool received = silent is not null && sessions.Any(s => s.Tunnel.FirstFrame.InputIndex == silent.InputIndex
            && (serverSilent ? s.Ppp.LcpRequestsFromClient : s.Ppp.LcpRequestsFromServer) > 0);
        if (serverSilent)
        {
            return received ? (AttemptSide.Server, SideBasis.ServerReceivedNoAnswer) : (AttemptSide.Unknown, SideBasis.ClientViewOnly);
        }

        return received ? (AttemptSide.Client, SideBasis.ClientStopped) : (AttemptSide.Unknown, SideBasis.None);
    }

    private static (AttemptSide, SideBasis) GaveUp(bool? byClient) => byClient switch
    {
        true => (AttemptSide.Client, SideBasis.ClientStopped),
        false => (AttemptSide.Server, SideBasis.ServerRejected),
        _ => (AttemptSide.Unknown, SideBasis.None),
    };

    private static IEnumerable<(L2tpTunnel Tunnel, PppSession Ppp)> Sessions(ConnectionAttempt attempt) =>
        attempt.L2tpTunnels
            .SelectMany(t => t.Sessions.Where(s => s.Ppp is not null).Select(s => (Tunnel: t, Ppp: s.Ppp!)))
            .OrderByDescending(s => s.Ppp.Packets.Count);
}

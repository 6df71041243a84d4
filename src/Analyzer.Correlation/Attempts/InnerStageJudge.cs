using Analyzer.Protocols.L2tp;
using Analyzer.Core;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// The stages inside IPsec: ESP both ways (the flows the session stage tied to the SA), then the
/// L2TP tunnel and session and the PPP phases where the captures show them (clear, or decrypted).
/// </summary>
internal static class InnerStageJudge
{
    public static void Judge(ConnectionAttempt attempt, IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows)
    {
        Esp(attempt, windows);
        Tunnel(attempt);
    }

    private static void Esp(ConnectionAttempt attempt, IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows)
    {
        Count(attempt);
        StageOutcome phase2 = attempt[AttemptStage.Phase2].Outcome;
        if (attempt.IkeVersion is null || phase2 is StageOutcome.Failed or StageOutcome.NotReached)
        {
            return;
        }

        (EspFlow? up, EspFlow? down) = Directions(attempt);
        List<AttemptView> captured = attempt.Views.Where(v => v.Sa is not null).ToList();
        var cut = captured.Where(v => CaptureEndAfterPhase2.EndedTooSoon(v, windows)).ToHashSet();
        Lost lost = LostDirection(attempt, cut);
        attempt.Reconciliation.EspLostFromClient = lost switch { Lost.ToServer => true, Lost.ToClient => false, _ => null };
        if (up is not null && down is not null && lost == Lost.None)
        {
            IkeStageJudge.Set(attempt, AttemptStage.Esp, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Observed, "ESP from the client", up.First));
            attempt[AttemptStage.Esp].Evidence.Add(new AttemptEvidence(EvidenceKind.Observed, "ESP from the server", down.First));
            return;
        }

        if (up is null && down is null)
        {
            IkeStageJudge.Set(attempt, AttemptStage.Esp, StageOutcome.Unknown, new AttemptEvidence(EvidenceKind.Observed, "no ESP of this IKE SA in the captures"));
            AddCut(attempt, cut, windows);
            return;
        }

        if (up is not null && down is not null)
        {
            // Both directions exist, but with both ends captured one of them never reached the other end.
            IkeStageJudge.Set(attempt, AttemptStage.Esp, StageOutcome.Failed, new AttemptEvidence(EvidenceKind.Derived,
                lost == Lost.ToServer ? "ESP from the client never reached the server's capture" : "ESP from the server never reached the client's capture",
                (lost == Lost.ToServer ? up : down).First));
            return;
        }

        EspFlow only = (up ?? down)!;
        if (up is not null && UnansweredTunnelAtServer(attempt, up) is L2tpTunnel tunnel)
        {
            // The server's capture holds the client's ESP whole and it decrypts into an L2TP set-up
            // nobody answered: the server had nothing to send back. IPsec did its part; the L2TP tunnel
            // stage failed. (ESP that arrives only in part, a first fragment, decrypts at the client's
            // capture alone and stays an ESP failure.)
            IkeStageJudge.Set(attempt, AttemptStage.Esp, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Derived,
                $"ESP from the client reached the server whole and decrypts there into L2TP (SPI 0x{up.Spi:x8}); none came back because the L2TP set-up was never answered", up.First));
            attempt[AttemptStage.Esp].Evidence.Add(new AttemptEvidence(EvidenceKind.Observed, "the decrypted SCCRQ", tunnel.FirstFrame));
            return;
        }

        if (captured.Count > 0 && cut.Count == captured.Count)
        {
            // Every capture stopped within seconds of Phase 2: the other direction had no time to show.
            IkeStageJudge.Set(attempt, AttemptStage.Esp, StageOutcome.Unknown,
                new AttemptEvidence(EvidenceKind.Observed, $"ESP only from the {(up is not null ? "client" : "server")} ({only.Packets} packets on SPI 0x{only.Spi:x8}) before the capture ended", only.First));
            AddCut(attempt, cut, windows);
            return;
        }

        IkeStageJudge.Set(attempt, AttemptStage.Esp, StageOutcome.Failed,
            new AttemptEvidence(EvidenceKind.Observed, $"ESP only from the {(up is not null ? "client" : "server")} ({only.Packets} packets on SPI 0x{only.Spi:x8}); nothing came back", only.First));
    }

    /// <summary>Each capture that ended too soon after Phase 2, as evidence of why its missing ESP decides nothing.</summary>
    private static void AddCut(ConnectionAttempt attempt, HashSet<AttemptView> cut, IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows)
    {
        foreach (AttemptView view in cut.OrderBy(v => v.InputIndex))
        {
            double seconds = CaptureEndAfterPhase2.SecondsAfter(view, windows) ?? 0;
            string phase2 = attempt.IkeVersion == 2 ? "the CHILD SA was set up" : "Quick Mode";
            attempt[AttemptStage.Esp].Evidence.Add(new AttemptEvidence(EvidenceKind.Observed,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the capture ends {seconds:0.0} s after {phase2}: too soon to see ESP"),
                view.Sa!.LastFrame));
        }
    }

    /// <summary>A tunnel the server's capture decrypted from this ESP SPI whose set-up (SCCRQ) drew no reply.</summary>
    private static L2tpTunnel? UnansweredTunnelAtServer(ConnectionAttempt attempt, EspFlow flow) =>
        attempt.ViewAt(VantageRoles.Server) is AttemptView server
            ? attempt.L2tpTunnels.Find(t => t.EspSpi == flow.Spi && t.State == L2tpTunnelState.WaitReply && t.FirstFrame.InputIndex == server.InputIndex)
            : null;

    private enum Lost : byte
    {
        None,
        ToServer,
        ToClient,
    }

    /// <summary>With captures at both ends: a direction whose ESP left one end and shows nowhere at the other.</summary>
    private static Lost LostDirection(ConnectionAttempt attempt, HashSet<AttemptView> cut)
    {
        AttemptView? client = attempt.ViewAt(VantageRoles.Client);
        AttemptView? server = attempt.ViewAt(VantageRoles.Server);
        if (client is null || server is null)
        {
            return Lost.None;
        }

        bool Seen(AttemptView view, bool fromClient) => attempt.EspFlows.Any(f => f.First.InputIndex == view.InputIndex && f.Packets > 0
            && (f.Source.Address == view.Sa!.Initiator.Address) == fromClient);
        // A receiving end whose capture stopped right after Phase 2 cannot show that ESP never arrived.
        if (Seen(client, fromClient: true) && !Seen(server, fromClient: true) && !cut.Contains(server))
        {
            return Lost.ToServer;
        }

        return Seen(server, fromClient: false) && !Seen(client, fromClient: false) && !cut.Contains(client) ? Lost.ToClient : Lost.None;
    }

    /// <summary>The busiest flow each way; "from the client" is judged by the SA's initiator in the flow's own capture.</summary>
    private static (EspFlow? Up, EspFlow? Down) Directions(ConnectionAttempt attempt)
    {
        EspFlow? up = null;
        EspFlow? down = null;
        foreach (EspFlow flow in attempt.EspFlows)
        {
            if (flow.Packets == 0)
            {
                continue;
            }

            if (FromClient(attempt, flow))
            {
                up = up is null || flow.Packets > up.Packets ? flow : up;
            }
            else
            {
                down = down is null || flow.Packets > down.Packets ? flow : down;
            }
        }

        return (up, down);
    }

    /// <summary>"From the client" is judged by the SA's initiator in the flow's own capture (else the attempt's client address).</summary>
    private static bool FromClient(ConnectionAttempt attempt, EspFlow flow)
    {
        NetAddress? initiator = null;
        foreach (AttemptView view in attempt.Views)
        {
            if (view.InputIndex == flow.First.InputIndex)
            {
                initiator = view.Sa?.Initiator.Address;
                break;
            }
        }

        return initiator is NetAddress address ? flow.Source.Address == address : attempt.Client?.Address == flow.Source.Address;
    }

    /// <summary>Each capture's packets per direction, from the flows' own counts: what rules and the report read.</summary>
    private static void Count(ConnectionAttempt attempt)
    {
        // Captures in input order, each direction summed and its earliest flow kept (the first of equals),
        // in loops: a GroupBy/OrderBy/Where chain per attempt was most of this stage's garbage.
        int previous = int.MinValue;
        while (NextInput(attempt.EspFlows, previous) is int input)
        {
            long fromClient = 0;
            long fromServer = 0;
            EspFlow? firstUp = null;
            EspFlow? firstDown = null;
            foreach (EspFlow flow in attempt.EspFlows)
            {
                if (flow.First.InputIndex != input || flow.Packets <= 0)
                {
                    continue;
                }

                if (FromClient(attempt, flow))
                {
                    fromClient += flow.Packets;
                    firstUp = firstUp is null || flow.First.Time < firstUp.First.Time ? flow : firstUp;
                }
                else
                {
                    fromServer += flow.Packets;
                    firstDown = firstDown is null || flow.First.Time < firstDown.First.Time ? flow : firstDown;
                }
            }

            attempt.EspByCapture.Add(new EspCount(input, fromClient, fromServer, firstUp?.First, firstDown?.First));
            previous = input;
        }
    }

    /// <summary>The smallest input index above <paramref name="previous"/> among the flows, or null.</summary>
    private static int? NextInput(List<EspFlow> flows, int previous)
    {
        int? next = null;
        foreach (EspFlow flow in flows)
        {
            int input = flow.First.InputIndex;
            if (input > previous && (next is null || input < next))
            {
                next = input;
            }
        }

        return next;
    }

    private static void Tunnel(ConnectionAttempt attempt)
    {
        // The established tunnel with the most sessions, the first of equals (what OrderByDescending/ThenByDescending/First chose).
        L2tpTunnel? tunnel = null;
        foreach (L2tpTunnel candidate in attempt.L2tpTunnels)
        {
            if (tunnel is null || (Established(candidate), candidate.Sessions.Count).CompareTo((Established(tunnel), tunnel.Sessions.Count)) > 0)
            {
                tunnel = candidate;
            }
        }

        if (tunnel is null)
        {
            StageOutcome esp = attempt[AttemptStage.Esp].Outcome;
            if (esp is StageOutcome.Passed or StageOutcome.Unknown)
            {
                // L2TP rides inside ESP: without keys the captures cannot show it.
                IkeStageJudge.Set(attempt, AttemptStage.L2tpTunnel, StageOutcome.Unknown, new AttemptEvidence(EvidenceKind.Observed, "no L2TP visible (inside ESP, not decrypted)"));
            }

            return;
        }

        switch (tunnel.State)
        {
            case L2tpTunnelState.Established:
            case L2tpTunnelState.Stopped when tunnel.Sessions.Count > 0 || tunnel.ControlMessages.Exists(m => m.MessageType is L2tpMessageType.StartControlConnectionReply or L2tpMessageType.StartControlConnectionConnected):
                IkeStageJudge.Set(attempt, AttemptStage.L2tpTunnel, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Observed, "tunnel set up (SCCRQ/SCCRP/SCCCN)", tunnel.FirstFrame));
                break;
            case L2tpTunnelState.WaitReply:
            case L2tpTunnelState.WaitConnect:
            case L2tpTunnelState.Stopped:
                IkeStageJudge.Set(attempt, AttemptStage.L2tpTunnel, StageOutcome.Failed, new AttemptEvidence(EvidenceKind.Observed,
                    tunnel.State == L2tpTunnelState.Stopped ? "tunnel stopped before it was set up" : "tunnel set-up never answered", tunnel.StopFrame ?? tunnel.FirstFrame));
                if (tunnel.ControlMessages.FindLast(m => m.MessageType == L2tpMessageType.StopControlConnectionNotification) is L2tpControlMessage stop)
                {
                    attempt.Reconciliation.L2tpClearedByClient = stop.From.Address == tunnel.Client.Address;
                }

                return;
            default:
                IkeStageJudge.Set(attempt, AttemptStage.L2tpTunnel, StageOutcome.Unknown, new AttemptEvidence(EvidenceKind.Observed, "tunnel began before the capture", tunnel.FirstFrame));
                break;
        }

        L2tpSession? session = null;
        foreach (L2tpSession candidate in tunnel.Sessions)
        {
            if (session is null || (Established(candidate), candidate.Connected).CompareTo((Established(session), session.Connected)) > 0)
            {
                session = candidate;
            }
        }

        if (session is null)
        {
            IkeStageJudge.Set(attempt, AttemptStage.L2tpSession, StageOutcome.Unknown, new AttemptEvidence(EvidenceKind.Observed, "no session in the tunnel"));
            return;
        }

        bool cleared = session.State == L2tpSessionState.Disconnected;
        bool sessionUp = session.Connected || session.State == L2tpSessionState.Established || session.Ppp is not null || session.DataPackets > 0;
        if (!sessionUp)
        {
            IkeStageJudge.Set(attempt, AttemptStage.L2tpSession, StageOutcome.Failed, new AttemptEvidence(EvidenceKind.Observed,
                cleared ? $"call cleared by the {Clearer(session)} before it was connected{Result(session)}" : "session never set up", session.DisconnectFrame ?? session.FirstFrame));
            attempt.Reconciliation.L2tpClearedByClient = cleared ? session.ClearedByClient : null;
            return;
        }

        IkeStageJudge.Set(attempt, AttemptStage.L2tpSession, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Observed, "session set up (ICRQ/ICRP/ICCN)", session.FirstFrame));
        foreach (L2tpSession later in attempt.L2tpTunnels.SelectMany(t => t.Sessions).Where(s => s.State == L2tpSessionState.WaitReply && s.FirstFrame.Time > session.FirstFrame.Time))
        {
            // A later call the LNS never answered (it went away): part of this attempt's story, though
            // the stage the first call reached stands.
            attempt[AttemptStage.L2tpSession].Evidence.Add(new AttemptEvidence(EvidenceKind.Observed,
                "a later call's ICRQ was never answered (no ICRP): the server's LNS stopped answering", later.FirstFrame));
        }
        if (session.Ppp is { Packets.Count: > 0 } ppp)
        {
            Ppp(attempt, ppp);
        }
        else if (cleared && session.DataPackets == 0)
        {
            // Connected, then hung up with not one PPP frame: the clearing side could not start PPP (xl2tpd whose pppd failed).
            IkeStageJudge.Set(attempt, AttemptStage.PppLcp, StageOutcome.Failed, new AttemptEvidence(EvidenceKind.Observed,
                $"call cleared by the {Clearer(session)} right after it was connected, before any PPP{Result(session)}", session.DisconnectFrame));
            attempt.Reconciliation.L2tpClearedByClient = session.ClearedByClient;
        }
    }

    private static bool Established(L2tpTunnel tunnel) => tunnel.State == L2tpTunnelState.Established;

    private static bool Established(L2tpSession session) => session.State == L2tpSessionState.Established;

    private static string Clearer(L2tpSession session) => session.ClearedByClient switch { true => "client", false => "server", null => "peer" };

    private static string Result(L2tpSession session) =>
        session.Result is L2tpResult result ? $" (CDN result {result.ResultCode}: {result.ResultName})" : "";

    private static void Ppp(ConnectionAttempt attempt, PppSession ppp)
    {
        FrameRef? first = ppp.Packets.Count > 0 ? ppp.Packets[0].Frame : null;
        if (!ppp.LcpOpened)
        {
            string why = ppp.LcpUnansweredByServer switch
            {
                true => $"the client's {ppp.LcpRequestsFromClient} LCP Configure-Requests drew no LCP packet from the server",
                false => $"the server's {ppp.LcpRequestsFromServer} LCP Configure-Requests drew no LCP packet from the client",
                _ => ppp.LcpLoop ? "LCP Configure-Requests repeated without agreement" : "LCP never opened",
            };
            IkeStageJudge.Set(attempt, AttemptStage.PppLcp, ppp.LcpLoop || ppp.LcpUnansweredByServer is not null ? StageOutcome.Failed : StageOutcome.Unknown,
                new AttemptEvidence(EvidenceKind.Observed, why, first));
            return;
        }

        IkeStageJudge.Set(attempt, AttemptStage.PppLcp, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Observed, "LCP opened", first));
        switch (ppp.AuthenticationResult)
        {
            case PppAuthenticationResult.Failure:
                IkeStageJudge.Set(attempt, AttemptStage.PppAuth, StageOutcome.Failed, new AttemptEvidence(EvidenceKind.Observed, $"{ppp.AuthenticationProtocol} rejected" + (ppp.AuthenticationMessage is string m ? $": {m}" : ""), ppp.AuthenticationFrame));
                return;
            case PppAuthenticationResult.Success when ppp.EncryptionRefusedByClient is bool client:
                // MPPE keys come from the authentication (RFC 3079): vpndiag, like pppd's log, puts a refused MPPE at this stage.
                IkeStageJudge.Set(attempt, AttemptStage.PppAuth, StageOutcome.Failed, new AttemptEvidence(EvidenceKind.Observed,
                    $"{ppp.AuthenticationProtocol} accepted, then MPPE encryption required by the {(client ? "server" : "client")} and refused by the {(client ? "client" : "server")}", ppp.EncryptionRefusalFrame));
                return;
            case PppAuthenticationResult.Success:
                IkeStageJudge.Set(attempt, AttemptStage.PppAuth, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Observed, $"{ppp.AuthenticationProtocol} accepted", ppp.AuthenticationFrame));
                break;
            default:
                IkeStageJudge.Set(attempt, AttemptStage.PppAuth, ppp.IpcpOpened ? StageOutcome.Passed : StageOutcome.Unknown, new AttemptEvidence(EvidenceKind.Inferred, ppp.IpcpOpened ? "no authentication phase seen, IPCP followed" : "no authentication result seen"));
                break;
        }

        if (ppp.ClientAddressRefused && ppp.ClientAddress is null)
        {
            IkeStageJudge.Set(attempt, AttemptStage.PppIpcp, StageOutcome.Failed, new AttemptEvidence(EvidenceKind.Observed,
                "the server refused the client an address (IPCP Configure-Reject of IP-Address)" + (ppp.IpcpTerminationMessage is string m ? $"; IPCP closed: {m}" : ""), ppp.ClientAddressRefusedFrame));
            return;
        }

        if (!ppp.IpcpOpened || ppp.ClientAddress is null && (ppp.IpcpTerminatedByClient is not null || ppp.TerminatedByClient is not null))
        {
            bool closed = ppp.IpcpTerminatedByClient is not null || ppp.TerminatedByClient is not null;
            IkeStageJudge.Set(attempt, AttemptStage.PppIpcp, closed ? StageOutcome.Failed : StageOutcome.Unknown,
                new AttemptEvidence(EvidenceKind.Observed, closed ? "the link was closed before IPCP gave the client an address" : "IPCP never opened", ppp.TerminationFrame));
            return;
        }

        IkeStageJudge.Set(attempt, AttemptStage.PppIpcp, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Observed, $"IPCP opened (client {ppp.ClientAddress}, server {ppp.ServerAddress})"));
        bool both = ppp.DataFromClient > 0 && ppp.DataFromServer > 0;
        IkeStageJudge.Set(attempt, AttemptStage.Traffic, both ? StageOutcome.Passed : StageOutcome.Unknown,
            new AttemptEvidence(EvidenceKind.Observed, $"{ppp.DataFromClient} data packets from the client, {ppp.DataFromServer} from the server"));
    }
}

using Analyzer.Protocols.L2tp;
using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens one <see cref="L2tpTunnel"/> into <see cref="TunnelFacts"/>.</summary>
internal static class TunnelFactsBuilder
{
    // RFC 2661 §4.4.2: StopCCN result 1 is "general request to clear"; CDN results 1 (lost carrier)
    // and 3 (administrative) are how a connected call normally ends. Anything else is a failure.
    private const int StopCcnGeneralRequest = 1;

    public static TunnelFacts Build(L2tpTunnel tunnel, CaptureContext context)
    {
        int sccrqSends = tunnel.ControlMessages.Count(m => m.MessageType == L2tpMessageType.StartControlConnectionRequest);
        bool sccrqUnanswered = tunnel.State == L2tpTunnelState.WaitReply && sccrqSends >= 2
            && !tunnel.ControlMessages.Exists(m => m.From.Address == tunnel.Server.Address && !m.IsZlb);

        int failedSessions = 0;
        int establishedSessions = 0;
        string cdnResult = "";
        string cdnSender = "";
        bool clearedBeforePpp = false;
        foreach (L2tpSession session in tunnel.Sessions)
        {
            if (session.State == L2tpSessionState.Established || session.Connected)
            {
                establishedSessions++;
            }

            // A call cleared before ICCN, with an error result, or before any PPP data flowed (PPP never
            // came up: the LNS hangs up right after ICCN) did not get the user connected.
            bool carriedPpp = session.DataPackets > 0 || session.Ppp is { LcpOpened: true };
            if (session.State == L2tpSessionState.Disconnected
                && (!session.Connected || session.Result is { ResultCode: not (1 or 3) } || !carriedPpp))
            {
                if (failedSessions == 0)
                {
                    cdnResult = Describe(session.Result);
                    cdnSender = session.ClearedByClient switch { true => "client", false => "server", null => "" };
                    clearedBeforePpp = session.Connected && !carriedPpp;
                }

                failedSessions++;
            }
        }

        int stopCode = tunnel.Result?.ResultCode ?? 0;
        bool setupFailed = sccrqUnanswered || (stopCode != 0 && stopCode != StopCcnGeneralRequest) || failedSessions > 0
            || (tunnel.State == L2tpTunnelState.Stopped && establishedSessions == 0 && tunnel.Sessions.Count == 0 && stopCode != StopCcnGeneralRequest);

        (bool saBetween, bool beforeIpsec, bool afterIpsec) = IpsecRelation(tunnel, context);
        List<FrameRef> failureFrames = tunnel.ControlMessages
            .Where(m => m.MessageType is L2tpMessageType.StopControlConnectionNotification or L2tpMessageType.CallDisconnectNotify
                || (sccrqUnanswered && m.MessageType == L2tpMessageType.StartControlConnectionRequest)).Select(m => m.Frame).ToList();

        return new TunnelFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Client = tunnel.Client.ToString(),
            Server = tunnel.Server.ToString(),
            Version = tunnel.Version,
            State = tunnel.State.ToString(),
            InClearText = tunnel.InClearText,
            SccrqUnanswered = sccrqUnanswered,
            SccrqSends = sccrqSends,
            StopCcnResultCode = stopCode,
            StopCcnResult = Describe(tunnel.Result),
            Sessions = tunnel.Sessions.Count,
            EstablishedSessions = establishedSessions,
            FailedSessions = failedSessions,
            CdnResult = cdnResult,
            CdnSender = cdnSender,
            ClearedBeforePpp = clearedBeforePpp,
            SetupFailed = setupFailed,
            ClientHostName = tunnel.ClientHostName ?? "",
            ServerHostName = tunnel.ServerHostName ?? "",
            ClientVendorName = tunnel.ClientVendorName ?? "",
            ServerVendorName = tunnel.ServerVendorName ?? "",
            DataFromClient = tunnel.DataFromClient,
            DataFromServer = tunnel.DataFromServer,
            IkeSaBetweenPeers = saBetween,
            SentBeforeIpsec = beforeIpsec,
            SentAfterIpsecEnded = afterIpsec,
            Anomalies = tunnel.Anomalies.Select(a => a.Kind.ToString()).Distinct().ToList(),
            DisplayFilter = "l2tp",
            Frames = tunnel.ControlMessages.Select(m => m.Frame).ToList(),
            FailureFrames = failureFrames,
        };
    }

    // Every SA Protects can accept: those between the tunnel's two ends, and those to either end
    // from an initiator behind a NAT. Each at most once; the caller only ORs and takes maxima, so
    // order does not matter.
    private static IEnumerable<IkeSa> ProtectingCandidates(L2tpTunnel tunnel, CaptureContext context)
    {
        HashSet<IkeSa> seen = new(ReferenceEqualityComparer.Instance);
        IEnumerable<IkeSa> candidates = context.Index.SasBetween(tunnel.Client.Address, tunnel.Server.Address)
            .Concat(context.Index.NatInitiatedSasTo(tunnel.Server.Address))
            .Concat(tunnel.Client.Address == tunnel.Server.Address ? [] : context.Index.NatInitiatedSasTo(tunnel.Client.Address));
        foreach (IkeSa sa in candidates)
        {
            if (seen.Add(sa))
            {
                yield return sa;
            }
        }
    }

    // The SA covers the tunnel's peers directly, or the tunnel runs to the private (inner) address of
    // a client the SA sees behind a NAT: with NAT-T the server's L2TP talks to the client's own
    // address, so a leak after the SA ends shows that address, not the NAT's.
    private static bool Protects(IkeSa sa, L2tpTunnel tunnel)
    {
        if (CaptureContext.SamePeers(sa.Initiator, sa.Responder, tunnel.Client, tunnel.Server))
        {
            return true;
        }

        bool serverSide = sa.Responder.Address == tunnel.Server.Address || sa.Responder.Address == tunnel.Client.Address;
        NetAddress other = sa.Responder.Address == tunnel.Server.Address ? tunnel.Client.Address : tunnel.Server.Address;
        return serverSide && other.IsPrivate && sa.Nat.InitiatorBehindNat == true;
    }

    internal static string Describe(L2tpResult? result)
    {
        if (result is null)
        {
            return "";
        }

        string text = result.ResultName;
        if (result.ErrorName is not null)
        {
            text += " / " + result.ErrorName;
        }

        if (!string.IsNullOrEmpty(result.Message))
        {
            text += ": " + result.Message;
        }

        return text;
    }

    // Clear-text L2TP is only "before IPsec" when the same peers do negotiate IKE in this capture
    // and the first control message precedes the first completed Quick Mode; "after IPsec ended" when
    // it starts once the last IKE message and the last ESP packet between them have passed.
    private static (bool SaBetween, bool BeforeIpsec, bool AfterIpsec) IpsecRelation(L2tpTunnel tunnel, CaptureContext context)
    {
        bool saBetween = false;
        bool before = false;
        Timestamp protectionEnd = default;
        Timestamp? firstL2tp = tunnel.ControlMessages.Count > 0 ? tunnel.ControlMessages[0].Frame.Time : null;
        // A tunnel decrypted from ESP was carried by the SA that keyed that ESP: no other SA between the
        // same addresses (a second client behind the same NAT) speaks for it.
        IkeSa? carrier = tunnel.Carrier;
        foreach (IkeSa sa in carrier is null ? ProtectingCandidates(tunnel, context) : [carrier])
        {
            if (carrier is null && !Protects(sa, tunnel))
            {
                continue;
            }

            saBetween = true;
            IkeExchange? quickMode = sa.Exchanges.Find(e => e.Kind == IkeExchangeKind.QuickMode && e.State == ExchangeState.Completed);
            Timestamp? protectedFrom = quickMode is { Messages.Count: > 0 } ? quickMode.Messages[^1].Frame.Time : null;
            if (tunnel.InClearText && firstL2tp is Timestamp start && (protectedFrom is null || start < protectedFrom.Value))
            {
                before = true;
            }

            protectionEnd = sa.LastFrame.Time > protectionEnd ? sa.LastFrame.Time : protectionEnd;
            foreach (var flow in context.FlowsOf(sa))
            {
                protectionEnd = flow.Last.Time > protectionEnd ? flow.Last.Time : protectionEnd;
            }
        }

        bool after = saBetween && tunnel.InClearText && firstL2tp is Timestamp first && first > protectionEnd;
        return (saBetween, before && !after, after);
    }
}

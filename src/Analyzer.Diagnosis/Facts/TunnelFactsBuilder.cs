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
        int sccrqSends = tunnel.ControlMessages.Count(m => m.Type == "SCCRQ");
        bool sccrqUnanswered = tunnel.State == L2tpTunnelState.WaitReply && sccrqSends >= 2
            && !tunnel.ControlMessages.Exists(m => m.From.Address == tunnel.Server.Address && !m.IsZlb);

        int failedSessions = 0;
        int establishedSessions = 0;
        string cdnResult = "";
        foreach (L2tpSession session in tunnel.Sessions)
        {
            bool connected = tunnel.ControlMessages.Exists(m => m.Type == "ICCN"
                && (m.SessionId == session.ServerSessionId || m.SessionId == session.ClientSessionId));
            if (session.State == L2tpSessionState.Established || connected)
            {
                establishedSessions++;
            }

            if (session.State == L2tpSessionState.Disconnected
                && (!connected || session.Result is { ResultCode: not (1 or 3) }))
            {
                failedSessions++;
                cdnResult = cdnResult.Length == 0 ? Describe(session.Result) : cdnResult;
            }
        }

        int stopCode = tunnel.Result?.ResultCode ?? 0;
        bool setupFailed = sccrqUnanswered || (stopCode != 0 && stopCode != StopCcnGeneralRequest) || failedSessions > 0
            || (tunnel.State == L2tpTunnelState.Stopped && establishedSessions == 0 && tunnel.Sessions.Count == 0 && stopCode != StopCcnGeneralRequest);

        (bool saBetween, bool beforeIpsec) = IpsecRelation(tunnel, context);
        List<FrameRef> failureFrames = tunnel.ControlMessages
            .Where(m => m.Type is "StopCCN" or "CDN" || (sccrqUnanswered && m.Type == "SCCRQ")).Select(m => m.Frame).ToList();

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
            SetupFailed = setupFailed,
            ClientHostName = tunnel.ClientHostName ?? "",
            ServerHostName = tunnel.ServerHostName ?? "",
            ClientVendorName = tunnel.ClientVendorName ?? "",
            ServerVendorName = tunnel.ServerVendorName ?? "",
            DataFromClient = tunnel.DataFromClient,
            DataFromServer = tunnel.DataFromServer,
            IkeSaBetweenPeers = saBetween,
            SentBeforeIpsec = beforeIpsec,
            Anomalies = tunnel.Anomalies,
            DisplayFilter = "l2tp",
            Frames = tunnel.ControlMessages.Select(m => m.Frame).ToList(),
            FailureFrames = failureFrames,
        };
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
    // and the first control message precedes the first completed Quick Mode.
    private static (bool SaBetween, bool BeforeIpsec) IpsecRelation(L2tpTunnel tunnel, CaptureContext context)
    {
        bool saBetween = false;
        bool before = false;
        Timestamp? firstL2tp = tunnel.ControlMessages.Count > 0 ? tunnel.ControlMessages[0].Frame.Time : null;
        foreach (IkeSa sa in context.Capture.IkeSas)
        {
            if (!CaptureContext.SamePeers(sa.Initiator, sa.Responder, tunnel.Client, tunnel.Server))
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
        }

        return (saBetween, before);
    }
}

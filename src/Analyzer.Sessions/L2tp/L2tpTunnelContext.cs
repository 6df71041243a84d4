using Analyzer.Core;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Sessions.L2tp;

/// <summary>
/// A tunnel's working state while the capture is read: sequence numbers per direction, sessions by
/// the id each side assigned, and each session's PPP tracker. Dropped after <c>Complete</c>.
/// </summary>
internal sealed class L2tpTunnelContext
{
    private readonly Dictionary<ushort, SessionContext> _byClientId = [];
    private readonly Dictionary<ushort, SessionContext> _byServerId = [];
    private int _nextNsFromClient = -1;
    private int _nextNsFromServer = -1;

    public L2tpTunnelContext(L2tpTunnel tunnel) => Tunnel = tunnel;

    public L2tpTunnel Tunnel { get; }

    public List<SessionContext> Sessions { get; } = [];

    public bool IsFromClient(NetEndpoint from) =>
        from == Tunnel.Client || (from.Address == Tunnel.Client.Address && from.Address != Tunnel.Server.Address);

    /// <summary>
    /// True when Ns is behind what this sender already used: the message was sent before (RFC 2661 §5.8
    /// retransmits with the same Ns). Comparison is modulo 2^16.
    /// </summary>
    public bool IsRetransmission(bool fromClient, ushort ns)
    {
        ref int next = ref fromClient ? ref _nextNsFromClient : ref _nextNsFromServer;
        if (next >= 0 && (short)(ns - (ushort)next) < 0)
        {
            return true;
        }

        next = (ushort)(ns + 1);
        return false;
    }

    /// <summary>The session a message addressed to one side with that side's session id belongs to.</summary>
    public SessionContext? Find(bool receiverIsClient, ushort sessionId) =>
        (receiverIsClient ? _byClientId : _byServerId).GetValueOrDefault(sessionId);

    public void Assign(SessionContext session, bool clientSide, ushort sessionId)
    {
        if (clientSide)
        {
            session.Session.ClientSessionId = sessionId;
            _byClientId[sessionId] = session;
        }
        else
        {
            session.Session.ServerSessionId = sessionId;
            _byServerId[sessionId] = session;
        }
    }

    public SessionContext Add(L2tpSessionState state, FrameRef frame, LimitNotices notices)
    {
        var session = new SessionContext(new L2tpSession { State = state, FirstFrame = frame }, notices);
        Sessions.Add(session);
        Tunnel.Sessions.Add(session.Session);
        return session;
    }

    internal sealed class SessionContext
    {
        private readonly PppTrackerSlot _ppp;

        public SessionContext(L2tpSession session, LimitNotices notices)
        {
            Session = session;
            _ppp = new PppTrackerSlot(notices, ppp => session.Ppp = ppp);
        }

        public L2tpSession Session { get; }

        public PppSessionTracker Ppp => _ppp.Tracker;
    }
}

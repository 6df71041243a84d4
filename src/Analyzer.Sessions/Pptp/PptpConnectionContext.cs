using Analyzer.Sessions.Ppp;

namespace Analyzer.Sessions.Pptp;

/// <summary>A connection's working state: one stream per direction and the PPP tracker of its call.</summary>
internal sealed class PptpConnectionContext
{
    private readonly PppTrackerSlot _ppp;

    public PptpConnectionContext(PptpConnection connection, LimitNotices notices)
    {
        Connection = connection;
        _ppp = new PppTrackerSlot(notices, ppp => connection.Ppp = ppp);
    }

    public PptpConnection Connection { get; }

    public PptpStream FromClient { get; } = new();

    public PptpStream FromServer { get; } = new();

    public PppSessionTracker Ppp => _ppp.Tracker;
}

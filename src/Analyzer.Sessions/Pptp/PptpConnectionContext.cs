using Analyzer.Sessions.Ppp;

namespace Analyzer.Sessions.Pptp;

/// <summary>A connection's working state: one stream per direction and the PPP tracker of its call.</summary>
internal sealed class PptpConnectionContext
{
    private readonly int _maxStringLength;
    private PppSessionTracker? _ppp;

    public PptpConnectionContext(PptpConnection connection, int maxStringLength)
    {
        Connection = connection;
        _maxStringLength = maxStringLength;
    }

    public PptpConnection Connection { get; }

    public PptpStream FromClient { get; } = new();

    public PptpStream FromServer { get; } = new();

    public PppSessionTracker Ppp
    {
        get
        {
            if (_ppp is null)
            {
                _ppp = new PppSessionTracker(_maxStringLength);
                Connection.Ppp = _ppp.Session;
            }

            return _ppp;
        }
    }
}

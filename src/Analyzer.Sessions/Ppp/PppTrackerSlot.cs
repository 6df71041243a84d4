namespace Analyzer.Sessions.Ppp;

/// <summary>
/// A tunnel's or call's PPP tracker, made when its first PPP frame arrives (most tunnels in a
/// capture carry none) and then handed to the model object that shows it.
/// </summary>
internal sealed class PppTrackerSlot
{
    private readonly LimitNotices _notices;
    private readonly Action<PppSession> _attach;
    private PppSessionTracker? _tracker;

    public PppTrackerSlot(LimitNotices notices, Action<PppSession> attach)
    {
        _notices = notices;
        _attach = attach;
    }

    public PppSessionTracker Tracker
    {
        get
        {
            if (_tracker is null)
            {
                _tracker = new PppSessionTracker(_notices);
                _attach(_tracker.Session);
            }

            return _tracker;
        }
    }
}

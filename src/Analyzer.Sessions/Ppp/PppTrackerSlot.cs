namespace Analyzer.Sessions.Ppp;

/// <summary>
/// A tunnel's or call's PPP tracker, made when its first PPP frame arrives (most tunnels in a
/// capture carry none) and then handed to the model object that shows it.
/// </summary>
internal sealed class PppTrackerSlot
{
    private readonly int _maxStringLength;
    private readonly Action<PppSession> _attach;
    private PppSessionTracker? _tracker;

    public PppTrackerSlot(int maxStringLength, Action<PppSession> attach)
    {
        _maxStringLength = maxStringLength;
        _attach = attach;
    }

    public PppSessionTracker Tracker
    {
        get
        {
            if (_tracker is null)
            {
                _tracker = new PppSessionTracker(_maxStringLength);
                _attach(_tracker.Session);
            }

            return _tracker;
        }
    }
}

using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// When each initiator last started an SA to each responder: answers "did it try again after
/// this?" in constant time, so resolving every SA of a busy server capture is not quadratic.
/// </summary>
internal sealed class LatestAttempts
{
    private readonly Dictionary<(NetAddress Initiator, NetAddress Responder), Timestamp> _latestStart = [];

    public LatestAttempts(IEnumerable<IkeSa> sas)
    {
        foreach (IkeSa sa in sas)
        {
            if (sa.Messages.Count == 0)
            {
                continue;
            }

            var pair = (sa.Initiator.Address, sa.Responder.Address);
            if (!_latestStart.TryGetValue(pair, out Timestamp latest) || sa.FirstFrame.Time > latest)
            {
                _latestStart[pair] = sa.FirstFrame.Time;
            }
        }
    }

    /// <summary>
    /// Another SA from the same initiator to the same responder started after <paramref name="time"/>.
    /// The SA itself never counts: <paramref name="time"/> is one of its own messages, which come
    /// after its first.
    /// </summary>
    public bool StartedAfter(IkeSa sa, Timestamp time) =>
        _latestStart.TryGetValue((sa.Initiator.Address, sa.Responder.Address), out Timestamp latest) && latest > time;
}

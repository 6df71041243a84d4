using Analyzer.EventLogs;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;

namespace Analyzer.Correlation.Attempts;

/// <summary>The bundle's attempts and, for each piece of the model, the attempt it belongs to (by reference: one lookup, no search).</summary>
public sealed class AttemptSet
{
    private readonly Dictionary<object, ConnectionAttempt> _owner = new(ReferenceEqualityComparer.Instance);

    public List<ConnectionAttempt> Attempts { get; } = [];

    public ConnectionAttempt? Of(IkeSa sa) => Find(sa);

    public ConnectionAttempt? Of(EspFlow flow) => Find(flow);

    public ConnectionAttempt? Of(L2tpTunnel tunnel) => Find(tunnel);

    public ConnectionAttempt? Of(EventRecord record) => Find(record);

    internal void Own(object part, ConnectionAttempt attempt) => _owner.TryAdd(part, attempt);

    private ConnectionAttempt? Find(object part) => _owner.GetValueOrDefault(part);
}

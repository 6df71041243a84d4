using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// One peer address as one daemon log saw it across its IKE SAs: how often an IKE SA with it was
/// established and over how long (rekey churn), and how many clients behind a NAT at that address
/// the log shows (one NAT, several clients: each started from its own source port).
/// </summary>
internal sealed class PeerHistory
{
    public static readonly PeerHistory None = new([], []);

    private readonly List<ScopeHistory> _natScopes;

    private PeerHistory(List<Timestamp> established, List<ScopeHistory> natScopes)
    {
        _natScopes = natScopes;
        EstablishedSas = established.Count;
        SpanSeconds = established.Count < 2 ? 0 : established.Max().SecondsSince(established.Min());
        NatClients = natScopes.Select(s => s.FirstPort).Distinct().Count();
    }

    public int EstablishedSas { get; }
    public double SpanSeconds { get; }
    public int NatClients { get; }

    /// <summary>The SA is behind the NAT and another client behind it started earlier from another port.</summary>
    public bool IsLaterNatClient(ScopeHistory scope) =>
        scope.NatAtPeer && _natScopes.Exists(other => other != scope && other.FirstPort != scope.FirstPort
            && other.FirstTime is Timestamp earlier && scope.FirstTime is Timestamp start && earlier < start);

    /// <summary>Per (input, peer address), from every IKE SA scope of every log.</summary>
    public static Dictionary<(int Input, NetAddress Peer), PeerHistory> Of(IEnumerable<(int Input, ScopeHistory Scope)> scopes)
    {
        var byPeer = new Dictionary<(int, NetAddress), (List<Timestamp> Established, List<ScopeHistory> Nat)>();
        foreach ((int input, ScopeHistory scope) in scopes)
        {
            if (scope.Peer is not NetAddress peer)
            {
                continue;
            }

            if (!byPeer.TryGetValue((input, peer), out var lists))
            {
                byPeer[(input, peer)] = lists = ([], []);
            }

            if (scope.EstablishedAt is Timestamp at)
            {
                lists.Established.Add(at);
            }

            if (scope.NatAtPeer)
            {
                lists.Nat.Add(scope);
            }
        }

        return byPeer.ToDictionary(pair => pair.Key, pair => new PeerHistory(pair.Value.Established, pair.Value.Nat));
    }
}

using Analyzer.Core;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Relations between attempts, grouped by server and client address (a dictionary, so each group is
/// walked once in time order): the same client trying again after a failure, a new IKE SA while the
/// previous one was up (a rekey), and a second client behind the same public address whose
/// authentication coincides with the end of the first one's SA.
/// </summary>
internal static class AttemptRelations
{
    /// <summary>How close the end of the first SA must lie to the second client's authentication (a Delete or Informational triggered by it is immediate).</summary>
    private const double DisplacementWindowSeconds = 5;

    public static void Relate(List<ConnectionAttempt> attempts)
    {
        var byServerAndClient = new Dictionary<(NetAddress Server, NetAddress Client), List<ConnectionAttempt>>();
        foreach (ConnectionAttempt attempt in attempts)
        {
            if (attempt.Server is NetEndpoint server && PublicClient(attempt) is NetEndpoint client)
            {
                var key = (server.Address, client.Address);
                if (!byServerAndClient.TryGetValue(key, out List<ConnectionAttempt>? group))
                {
                    group = [];
                    byServerAndClient.Add(key, group);
                }

                group.Add(attempt);
            }
        }

        foreach (List<ConnectionAttempt> group in byServerAndClient.Values)
        {
            for (int i = 1; i < group.Count; i++)
            {
                ConnectionAttempt earlier = group[i - 1];
                ConnectionAttempt later = group[i];
                if (SameClient(earlier, later))
                {
                    later.Relations.Add(new AttemptRelation(StillUp(earlier, later) ? AttemptRelationKind.Rekey : AttemptRelationKind.Retry, earlier.Id));
                }
                else if (Displaced(earlier, later))
                {
                    earlier.Relations.Add(new AttemptRelation(AttemptRelationKind.DisplacedBy, later.Id));
                }
            }
        }
    }

    /// <summary>
    /// One client, not two behind one NAT: the same endpoint; else, unless the clients' own
    /// addresses (client-side views) differ, the same public address on the IKE ports. A client
    /// moves from UDP 500 to 4500 after NAT-T, so a rekey it starts over 4500 is still that client;
    /// a NAT maps a second client behind it to other source ports (the first usually keeps its own).
    /// </summary>
    private static bool SameClient(ConnectionAttempt a, ConnectionAttempt b)
    {
        if (a.Client == b.Client)
        {
            return true;
        }

        if (a.Client is NetEndpoint ownA && b.Client is NetEndpoint ownB && ownA.Address != ownB.Address)
        {
            return false;
        }

        return PublicClient(a) is NetEndpoint pa && PublicClient(b) is NetEndpoint pb
            && (pa.Port == pb.Port || (IkePort(pa.Port) && IkePort(pb.Port)));
    }

    private static bool IkePort(ushort port) => port is 500 or 4500;

    /// <summary>
    /// The earlier IKE SA was up when the later one began: a rekey. It authenticated, and either
    /// nothing failed or its SA still shows traffic after the later one started (an attempt stopped
    /// later, inside L2TP or PPP, may still be rekeyed while it lasts).
    /// </summary>
    private static bool StillUp(ConnectionAttempt earlier, ConnectionAttempt later) =>
        earlier[AttemptStage.Phase1Auth].Outcome == StageOutcome.Passed
        && (earlier.FailedStage is null || earlier.Sas.Any(sa => sa.LastFrame.Time > later.Start));

    /// <summary>The client as the server saw it (after any NAT): two clients behind one NAT share its address, not its port.</summary>
    private static NetEndpoint? PublicClient(ConnectionAttempt attempt) =>
        attempt.ViewAt(VantageRoles.Server)?.Sa?.Initiator ?? attempt.Client;

    /// <summary>The earlier SA was up, and a Delete or an Informational of it falls within the window of the later attempt's authentication.</summary>
    private static bool Displaced(ConnectionAttempt earlier, ConnectionAttempt later)
    {
        if (earlier[AttemptStage.Phase1Auth].Outcome != StageOutcome.Passed || later[AttemptStage.Phase1Auth].Outcome != StageOutcome.Passed)
        {
            return false;
        }

        Timestamp authenticated = later[AttemptStage.Phase1Auth].Evidence.Select(e => e.Frame?.Time).OfType<Timestamp>().DefaultIfEmpty(later.Start).Max();
        foreach (AttemptMessage message in earlier.Messages)
        {
            if (message.First.Exchange is Sessions.Ike.IkeExchangeKind.Informational or Sessions.Ike.IkeExchangeKind.InformationalV2
                && Math.Abs(message.Time.SecondsSince(authenticated)) <= DisplacementWindowSeconds)
            {
                return true;
            }
        }

        return false;
    }
}

using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Events;
using Analyzer.EventLogs;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Builds the single <see cref="CaseFacts"/> row: counts, damage, shared NAT addresses, server load.</summary>
internal static class CaseFactsBuilder
{
    private const double HighCpuPercent = 90;

    // Windows IPsec driver and negotiation events that mean a packet arrived damaged, replayed,
    // unprotected or with an unknown SPI (see docs/rules.md, events vocabulary).
    private static readonly int[] IntegrityEventIds = [4960, 4961, 4962, 4963, 4965, 4976, 4977, 4978];

    // How much longer the later client must keep going after the earlier one stopped for the earlier to count as displaced.
    private const double DisplacementSeconds = 5;

    public static CaseFacts Build(Case @case, IReadOnlyList<CaptureContext> contexts)
    {
        long checksumErrors = 0;
        int malformed = 0;
        int incompleteEsp = 0;
        List<string> corruption = [];
        List<FrameRef> corruptionFrames = [];
        List<FrameRef> incompleteEspFrames = [];
        foreach (CaptureContext context in contexts)
        {
            checksumErrors += context.Capture.Statistics.ChecksumErrors;
            if (context.Capture.Statistics.ChecksumErrors > 0)
            {
                corruption.Add($"{context.Input}: {context.Capture.Statistics.ChecksumErrors} VPN datagrams with bad checksums");
            }

            foreach (IkeSa sa in context.Capture.IkeSas)
            {
                foreach (IkeAnomaly anomaly in sa.Anomalies)
                {
                    if (anomaly.ShowsDamage)
                    {
                        malformed++;
                        corruptionFrames.Add(anomaly.Frame);
                    }
                }
            }

            foreach (IncompleteIpDatagram datagram in context.Capture.IncompleteDatagrams)
            {
                if (IsEsp(datagram))
                {
                    incompleteEsp++;
                    incompleteEspFrames.AddRange(datagram.Fragments);
                }
            }
        }

        if (malformed > 0)
        {
            corruption.Add($"{malformed} malformed or truncated IKE messages");
        }

        List<EventRecord> integrity = @case.Events.Where(e => Array.IndexOf(IntegrityEventIds, e.EventId) >= 0).ToList();
        if (integrity.Count > 0)
        {
            corruption.Add($"{integrity.Count} IPsec integrity/replay/invalid-packet events");
        }

        SharedAddress shared = FindSharedAddress(contexts);
        (double maxCpu, int highCpu, bool whileActive, string counter) = Cpu(@case, contexts);

        return new CaseFacts
        {
            InputIndex = 0,
            Input = "case",
            Vantage = "case",
            Inputs = @case.Inputs.Count,
            Captures = @case.Captures.Count,
            EventRecords = @case.Events.Count,
            HasCaptures = @case.Captures.Count > 0,
            IkeSas = @case.Captures.Sum(c => c.IkeSas.Count),
            EstablishedSas = @case.Captures.Sum(c => c.IkeSas.Count(s => s.State is IkeSaState.Established or IkeSaState.Deleted)),
            EspFlows = @case.Captures.Sum(c => c.EspFlows.Count),
            L2tpTunnels = @case.Captures.Sum(c => c.L2tpTunnels.Count),
            PptpConnections = @case.Captures.Sum(c => c.PptpConnections.Count),
            ChecksumErrors = checksumErrors,
            MalformedIkeMessages = malformed,
            IntegrityEvents = integrity.Count,
            CorruptionEvidence = corruption,
            IncompleteEspDatagrams = incompleteEsp,
            SharedAddressClients = shared.Clients,
            SharedAddress = shared.Address,
            LaterClientFailed = shared.LaterFailed,
            EarlierClientDisplaced = shared.EarlierDisplaced,
            SharedAddressStory = shared.Story,
            MaxCpuPercent = maxCpu,
            HighCpuSamples = highCpu,
            HighCpuWhileSasActive = whileActive,
            CpuCounter = counter,
            SharedAddressFrames = shared.Frames,
            CorruptionFrames = corruptionFrames,
            IncompleteEspFrames = incompleteEspFrames,
            IntegrityRecords = integrity,
        };
    }

    // ESP fragments: IP protocol 50, or UDP 4500 whose first word after the UDP header is not the
    // zero non-ESP marker (zero means IKE, RFC 3948 §2.2).
    private static bool IsEsp(IncompleteIpDatagram datagram) => datagram.Protocol == 50 || datagram.IsEspInUdp;

    private sealed record SharedAddress(int Clients, string Address, bool LaterFailed, bool EarlierDisplaced, string Story, List<FrameRef> Frames);

    private sealed record ClientRun(ushort Port, List<IkeSa> Sas, bool Established, Timestamp End, bool Deleted);

    private static SharedAddress FindSharedAddress(IReadOnlyList<CaptureContext> contexts)
    {
        SharedAddress best = new(0, "", false, false, "", []);
        foreach (CaptureContext context in contexts)
        {
            foreach (var group in context.Capture.IkeSas.GroupBy(s => (s.Initiator.Address, s.Responder.Address)))
            {
                List<ClientRun> runs = Clients(group.ToList())
                    .Select(sas => Run(sas[0].Initiator.Port, sas, context))
                    .OrderBy(r => r.Sas[0].FirstFrame.Time)
                    .ToList();
                if (runs.Count < 2 || runs.Count < best.Clients)
                {
                    continue;
                }

                bool laterFailed = false;
                bool displaced = false;
                string story = "";
                ClientRun first = runs[0];
                for (int i = 1; i < runs.Count; i++)
                {
                    ClientRun later = runs[i];
                    if (!later.Established && runs.Take(i).Any(r => r.Established))
                    {
                        laterFailed = true;
                        story = $"the client on port {later.Port} never completed IKE while the one on port {first.Port} had";
                    }

                    // Displaced: the earlier client's SA (or its ESP) ends once the later client has started,
                    // while the later one keeps going: servers that key L2TP/IPsec state by address delete the
                    // old SA in the middle of the new negotiation.
                    if (later.Established)
                    {
                        Timestamp started = later.Sas[0].FirstFrame.Time;
                        foreach (ClientRun earlier in runs.Take(i))
                        {
                            if (earlier.Established && earlier.End > started && later.End.SecondsSince(earlier.End) > DisplacementSeconds)
                            {
                                displaced = true;
                                story = $"the client on port {earlier.Port} stopped {(earlier.Deleted ? "(its SA deleted)" : "(its traffic ended)")} soon after the client on port {later.Port} came up";
                            }
                        }
                    }
                }

                best = new SharedAddress(runs.Count, group.Key.Item1.ToString(), laterFailed, displaced, story,
                    runs.Select(r => r.Sas[0].FirstFrame).ToList());
            }
        }

        return best;
    }

    // One client = the SAs whose initiator ports overlap: a client keeps its NAT mapping (500 and 4500)
    // across retries and rekeys (a rekey starts on 4500 directly), while another client behind the same
    // NAT gets other ports.
    private static List<List<IkeSa>> Clients(List<IkeSa> sas)
    {
        List<(HashSet<ushort> Ports, List<IkeSa> Sas)> clients = [];
        foreach (IkeSa sa in sas)
        {
            var ports = new HashSet<ushort> { sa.Initiator.Port };
            foreach (IkeMessage message in sa.Messages)
            {
                ports.Add(message.FromInitiator ? message.From.Port : message.To.Port);
            }

            var joined = clients.Where(c => c.Ports.Overlaps(ports)).ToList();
            var merged = (Ports: ports, Sas: new List<IkeSa> { sa });
            foreach (var client in joined)
            {
                merged.Ports.UnionWith(client.Ports);
                merged.Sas.InsertRange(0, client.Sas);
                clients.Remove(client);
            }

            clients.Add(merged);
        }

        return clients.Select(c => c.Sas.OrderBy(s => s.FirstFrame.Time).ToList()).ToList();
    }

    private static ClientRun Run(ushort port, List<IkeSa> sas, CaptureContext context)
    {
        bool established = sas.Exists(s => s.State is IkeSaState.Established or IkeSaState.Deleted);
        Timestamp end = default;
        bool deleted = false;
        foreach (IkeSa sa in sas)
        {
            end = sa.LastFrame.Time > end ? sa.LastFrame.Time : end;
            deleted |= sa.State == IkeSaState.Deleted;
            foreach (EspFlow flow in context.FlowsOf(sa))
            {
                end = flow.Last.Time > end ? flow.Last.Time : end;
            }
        }

        return new ClientRun(port, sas, established, end, deleted);
    }

    private static (double Max, int High, bool WhileActive, string Counter) Cpu(Case @case, IReadOnlyList<CaptureContext> contexts)
    {
        double max = 0;
        int high = 0;
        bool whileActive = false;
        string counter = "";
        foreach (PerformanceSample sample in @case.Performance)
        {
            if (!sample.Counter.Contains("Processor Time", StringComparison.OrdinalIgnoreCase)
                && !sample.Counter.Contains("Processor Utility", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (sample.Value > max)
            {
                max = sample.Value;
                counter = sample.Counter;
            }

            if (sample.Value <= HighCpuPercent)
            {
                continue;
            }

            high++;
            foreach (CaptureContext context in contexts)
            {
                whileActive |= context.Index.EarliestEstablishedStart is Timestamp start && sample.Time >= start && sample.Time <= context.End;
            }
        }

        return (max, high, whileActive, counter);
    }
}

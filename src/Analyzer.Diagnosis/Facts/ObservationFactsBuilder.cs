using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.EventLogs;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Builds <see cref="ObservationFacts"/> from the daemon lines the event maps gave a stage, with
/// what the same log says about the same IKE SA (lines of one SA share charon's unique id; without
/// one, the daemon's process stands in).
/// </summary>
internal static class ObservationFactsBuilder
{
    public static List<ObservationFacts> Build(Case @case)
    {
        var scopes = new Dictionary<(int Input, string Scope), Scope>();
        var staged = new List<(EventRecord Record, NormalizedEvent Normalized, string Scope)>();
        bool anyChild = false;
        var received4500At = new HashSet<NetAddress>();
        foreach (EventRecord record in @case.Events)
        {
            if (record.EventId != 0 || record.Normalized is not { Stage.Length: > 0 } normalized || normalized.Outcome is null)
            {
                continue;
            }

            string scope = ScopeOf(record);
            if (!scopes.TryGetValue((record.InputIndex, scope), out Scope? state))
            {
                scopes[(record.InputIndex, scope)] = state = new Scope();
            }

            state.Observe(normalized, record.Time);
            if (normalized.Signal == DaemonSignal.PacketReceived && normalized.LocalPort == VpnPorts.NatTraversal && normalized.LocalAddress is NetAddress local)
            {
                received4500At.Add(local);
            }

            anyChild |= normalized is { Stage: "phase2", Outcome: "succeeded", Signal: DaemonSignal.Established };
            if (normalized.Outcome != "noise")
            {
                staged.Add((record, normalized, scope));
            }
        }

        var peers = PeerHistory.Of(scopes.Select(pair => (pair.Key.Input, pair.Value.History)));
        var facts = new List<ObservationFacts>(staged.Count);
        foreach ((EventRecord record, NormalizedEvent normalized, string scope) in staged)
        {
            Scope state = scopes[(record.InputIndex, scope)];
            PeerHistory history = state.Peer is NetAddress address ? peers.GetValueOrDefault((record.InputIndex, address)) ?? PeerHistory.None : PeerHistory.None;
            List<string> negotiated = Negotiated(normalized);
            List<string> weak = LoggedAlgorithms.Weak(negotiated, NegotiatedProtocol(normalized));
            AnalysisInput? input = record.InputIndex >= 0 && record.InputIndex < @case.Inputs.Count ? @case.Inputs[record.InputIndex] : null;
            string daemon = record.Provider ?? "";
            facts.Add(new ObservationFacts
            {
                InputIndex = record.InputIndex,
                Input = input?.DisplayName ?? "",
                Vantage = "log",
                Record = record,
                Line = record.SourceLine ?? record.RecordId,
                Daemon = daemon,
                Kind = normalized.Kind,
                Signal = normalized.Kind.StartsWith(daemon + "-", StringComparison.Ordinal) ? normalized.Kind[(daemon.Length + 1)..] : normalized.Kind,
                Stage = normalized.Stage ?? "",
                Outcome = normalized.Outcome ?? "",
                Failed = normalized.Outcome == "failed",
                Succeeded = normalized.Outcome == "succeeded",
                Reason = normalized.FailureReason ?? "",
                Notify = normalized.Fields.GetValueOrDefault("notify") ?? "",
                Mode = normalized.Fields.GetValueOrDefault("mode") ?? "",
                Code = normalized.Code ?? 0,
                Message = record.Message ?? "",
                Time = record.Time?.ToIso8601() ?? "",
                ConnectionName = normalized.ConnectionName ?? "",
                Peer = normalized.RemoteAddress?.ToString() ?? "",
                IkeSa = record.GetData("ikeSa") ?? "",
                PeerAnswered = state.Received,
                SaEstablished = state.Established,
                ChildEstablished = state.ChildEstablished,
                NatDetected = state.Nat,
                UsedPort4500 = state.Port4500,
                Received4500 = state.Received4500,
                AnsweredAfterFloat = state.AnsweredAfterFloat,
                PeerReceived4500 = state.Peer is NetAddress peer && received4500At.Contains(peer),
                NatSide = normalized.Fields.GetValueOrDefault("natSide") ?? "",
                Retransmits = state.Retransmits,
                LastSentBytes = state.LastSentBytes,
                AnyChildEstablished = anyChild,
                Proposal = string.Join('/', negotiated),
                WeakChosen = string.Join(", ", weak),
                HasWeakChosen = weak.Count > 0,
                PeerEstablishedSas = history.EstablishedSas,
                PeerSpanSeconds = history.SpanSeconds,
                PeerNatClients = history.NatClients,
                LaterNatClient = history.IsLaterNatClient(state.History),
            });
        }

        return facts;
    }

    /// <summary>Which SA the line's algorithms belong to: charon's proposal prefix, else the line's stage (pluto's IPsec SA is phase 2).</summary>
    private static SecurityProtocol NegotiatedProtocol(NormalizedEvent normalized) =>
        (normalized.Fields.GetValueOrDefault("proposal") is string proposal ? LoggedAlgorithms.ProposalProtocol(proposal) : null)
        ?? (normalized.Stage == "phase2" ? SecurityProtocol.Esp : SecurityProtocol.Ike);

    /// <summary>The algorithm names a line says were negotiated: charon's selected proposal, pluto's established SA.</summary>
    private static List<string> Negotiated(NormalizedEvent normalized)
    {
        if (normalized.Fields.GetValueOrDefault("proposal") is string proposal)
        {
            return [.. LoggedAlgorithms.ProposalNames(proposal)];
        }

        var names = new List<string>(3);
        foreach (string field in (string[])["cipher", "integrity", "dhGroup"])
        {
            if (normalized.Fields.GetValueOrDefault(field) is string name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// charon's IKE SA unique id, else the daemon process: a log written without <c>ike_name</c> does not
    /// say which SA a line belongs to, and a packet line naming the peer and the "giving up" line after
    /// it must stay together.
    /// </summary>
    private static string ScopeOf(EventRecord record) =>
        record.GetData("ikeSa") is string sa ? "sa:" + sa : "pid:" + record.Provider + "/" + (record.GetData("pid") ?? "");

    private sealed class Scope
    {
        public bool Received { get; private set; }
        public bool Established { get; private set; }
        public bool ChildEstablished { get; private set; }
        public bool Nat { get; private set; }
        public bool Port4500 { get; private set; }
        public int Retransmits { get; private set; }
        public bool Received4500 { get; private set; }
        public NetAddress? Peer { get; private set; }
        public int LastSentBytes { get; private set; }
        public bool AnsweredAfterFloat { get; private set; }
        private bool _floated;

        public ScopeHistory History { get; } = new();

        public void Observe(NormalizedEvent normalized, Timestamp? time)
        {
            History.Observe(normalized, time);
            Received |= normalized.Signal is DaemonSignal.PacketReceived or DaemonSignal.PeerInitiating;
            Established |= normalized is { Stage: "phase1-auth", Outcome: "succeeded", Signal: DaemonSignal.Established };
            ChildEstablished |= normalized is { Stage: "phase2", Outcome: "succeeded", Signal: DaemonSignal.Established };
            Nat |= normalized.Fields.ContainsKey("natSide");
            Port4500 |= normalized.LocalPort == VpnPorts.NatTraversal || normalized.RemotePort == VpnPorts.NatTraversal;
            Retransmits += normalized.Outcome == "retried" ? 1 : 0;
            Received4500 |= normalized.Signal == DaemonSignal.PacketReceived && normalized.LocalPort == VpnPorts.NatTraversal;
            Peer ??= normalized.RemoteAddress;
            AnsweredAfterFloat |= _floated && normalized.Signal == DaemonSignal.PacketReceived;
            _floated |= normalized.Signal == DaemonSignal.PacketSent && normalized.RemotePort == VpnPorts.NatTraversal;
            if (normalized.Signal == DaemonSignal.PacketSent
                && int.TryParse(normalized.Fields.GetValueOrDefault("bytes"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int bytes))
            {
                LastSentBytes = bytes;
            }
        }
    }
}

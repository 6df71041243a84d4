using Analyzer.Correlation;
using Analyzer.Diagnosis.Facts.Inference;
using Analyzer.Correlation.Attempts;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Pptp;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// The rule-friendly view of a <see cref="Case"/>: one list of fact rows per subject. Built once per
/// case; every rule reads it, none reads the model directly.
/// </summary>
public sealed class FactSheet
{
    public List<SaFacts> Sas { get; } = [];
    public List<ExchangeFacts> Exchanges { get; } = [];
    public List<FlowFacts> Flows { get; } = [];
    public List<TunnelFacts> Tunnels { get; } = [];
    public List<PppFacts> Ppp { get; } = [];
    public List<PptpFacts> Pptp { get; } = [];
    public List<EventFacts> Events { get; } = [];
    public List<ObservationFacts> Observations { get; } = [];
    public List<PathDirectionFacts> PathDirections { get; } = [];
    public List<TranslationFacts> Translations { get; } = [];
    public List<ClockOffsetFacts> ClockOffsets { get; } = [];
    public List<InferenceFacts> Inferences { get; } = [];
    public List<AttemptFacts> Attempts { get; } = [];
    public required CaseFacts Case { get; init; }

    public static FactSheet Build(Case @case)
    {
        var contexts = @case.Captures.Select(c => new CaptureContext(c, @case)).ToList();

        // The inferences over sealed packets read only their capture's model (no other fact row, no
        // attempt), and are the largest part of this stage on a capture with many ESP packets: the
        // spare core builds them while this one builds the rest (docs/performance.md, sixth session).
        // They join the sheet in capture order, as they did when built in the loop below.
        Task<List<InferenceFacts>> inferences = Task.Run(() =>
        {
            var rows = new List<InferenceFacts>();
            foreach (CaptureContext context in contexts)
            {
                InferenceFactsBuilder.Build(context, rows);
            }

            return rows;
        });
        var sheet = new FactSheet { Case = CaseFactsBuilder.Build(@case, contexts) };
        AttemptSet attempts = @case.Attempts;
        var saRows = new Dictionary<IkeSa, SaFacts>(ReferenceEqualityComparer.Instance);
        foreach (CaptureContext context in contexts)
        {
            CaptureModel capture = context.Capture;
            foreach (IkeSa sa in capture.IkeSas)
            {
                SaFacts saFacts = SaFactsBuilder.Build(sa, context);
                string? attempt = attempts.Of(sa)?.Id;
                saFacts.Attempt = attempt;
                saRows[sa] = saFacts;
                sheet.Sas.Add(saFacts);
                foreach (IkeExchange exchange in sa.Exchanges)
                {
                    ExchangeFacts exchangeFacts = ExchangeFactsBuilder.Build(exchange, saFacts, context);
                    exchangeFacts.Attempt = attempt;
                    sheet.Exchanges.Add(exchangeFacts);
                }
            }

            foreach (EspFlow flow in capture.EspFlows)
            {
                FlowFacts flowFacts = FlowFactsBuilder.Build(flow, context);
                flowFacts.Attempt = attempts.Of(flow)?.Id;
                sheet.Flows.Add(flowFacts);
            }

            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                TunnelFacts tunnelFacts = TunnelFactsBuilder.Build(tunnel, context);
                string? attempt = attempts.Of(tunnel)?.Id;
                tunnelFacts.Attempt = attempt;
                sheet.Tunnels.Add(tunnelFacts);
                foreach (L2tpSession session in tunnel.Sessions)
                {
                    if (session.Ppp is not null)
                    {
                        PppFacts pppFacts = PppFactsBuilder.Build(session.Ppp, "l2tp", tunnel.Client, tunnel.Server, context);
                        pppFacts.Attempt = attempt;
                        sheet.Ppp.Add(pppFacts);
                    }
                }
            }

            foreach (PptpConnection connection in capture.PptpConnections)
            {
                sheet.Pptp.Add(PptpFactsBuilder.Build(connection, context));
                if (connection.Ppp is not null)
                {
                    sheet.Ppp.Add(PppFactsBuilder.Build(connection.Ppp, "pptp", connection.Client, connection.Server, context));
                }
            }
        }

        sheet.Events.AddRange(EventFactsBuilder.Build(@case));
        sheet.Observations.AddRange(ObservationFactsBuilder.Build(@case));
        foreach (EventFacts row in sheet.Events)
        {
            row.Attempt = attempts.Of(row.Record)?.Id;
        }

        // A log line's observation belongs to the attempt its record joined: a fromLogs finding then
        // names that attempt, and leads its row of the attempts table instead of daemon-log-failure.
        foreach (ObservationFacts row in sheet.Observations)
        {
            row.Attempt = attempts.Of(row.Record)?.Id;
        }

        sheet.Attempts.AddRange(AttemptFactsBuilder.Build(@case, saRows));
        PathFactsBuilder.Build(@case, sheet.PathDirections, sheet.Translations, sheet.Sas);
        sheet.ClockOffsets.AddRange(ClockOffsetFactsBuilder.Build(@case));
        sheet.Inferences.AddRange(inferences.GetAwaiter().GetResult());
        return sheet;
    }

    /// <summary>The rows a rule with the given subject iterates (see <see cref="FactSubjects"/>).</summary>
    public IReadOnlyList<object> Rows(string subject) => subject switch
    {
        "sa" => Sas,
        "exchange" => Exchanges,
        "flow" => Flows,
        "tunnel" => Tunnels,
        "ppp" => Ppp,
        "pptp" => Pptp,
        "event" => Events,
        "observation" => Observations,
        "path-direction" => PathDirections,
        "translation" => Translations,
        "clock-offset" => ClockOffsets,
        "inferred" => Inferences,
        "attempt" => Attempts,
        "case" => [Case],
        _ => [],
    };
}

using Analyzer.Correlation;
using Analyzer.Diagnosis.Facts.Inference;
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
    public List<PathDirectionFacts> PathDirections { get; } = [];
    public List<TranslationFacts> Translations { get; } = [];
    public List<ClockOffsetFacts> ClockOffsets { get; } = [];
    public List<InferenceFacts> Inferences { get; } = [];
    public required CaseFacts Case { get; init; }

    public static FactSheet Build(Case @case)
    {
        var contexts = @case.Captures.Select(c => new CaptureContext(c, @case)).ToList();
        var sheet = new FactSheet { Case = CaseFactsBuilder.Build(@case, contexts) };
        foreach (CaptureContext context in contexts)
        {
            CaptureModel capture = context.Capture;
            foreach (IkeSa sa in capture.IkeSas)
            {
                SaFacts saFacts = SaFactsBuilder.Build(sa, context);
                sheet.Sas.Add(saFacts);
                foreach (IkeExchange exchange in sa.Exchanges)
                {
                    sheet.Exchanges.Add(ExchangeFactsBuilder.Build(exchange, saFacts, context));
                }
            }

            foreach (EspFlow flow in capture.EspFlows)
            {
                sheet.Flows.Add(FlowFactsBuilder.Build(flow, context));
            }

            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                sheet.Tunnels.Add(TunnelFactsBuilder.Build(tunnel, context));
                foreach (L2tpSession session in tunnel.Sessions)
                {
                    if (session.Ppp is not null)
                    {
                        sheet.Ppp.Add(PppFactsBuilder.Build(session.Ppp, "l2tp", tunnel.Client, tunnel.Server, context));
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

            InferenceFactsBuilder.Build(context, sheet.Inferences);
        }

        sheet.Events.AddRange(EventFactsBuilder.Build(@case));
        PathFactsBuilder.Build(@case, sheet.PathDirections, sheet.Translations, sheet.Sas);
        sheet.ClockOffsets.AddRange(ClockOffsetFactsBuilder.Build(@case));
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
        "path-direction" => PathDirections,
        "translation" => Translations,
        "clock-offset" => ClockOffsets,
        "inferred" => Inferences,
        "case" => [Case],
        _ => [],
    };
}

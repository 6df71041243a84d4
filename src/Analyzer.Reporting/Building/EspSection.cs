using Analyzer.Reporting.Document;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;

namespace Analyzer.Reporting.Building;

/// <summary>ESP flows of every capture, one per SPI and direction.</summary>
internal static class EspSection
{
    public static EspReport Build(BuildContext context)
    {
        var flows = new List<ReportEspFlow>();
        foreach (CaptureModel capture in context.Case.Captures)
        {
            foreach (EspFlow flow in capture.EspFlows)
            {
                flows.Add(new ReportEspFlow
                {
                    Input = context.InputName(capture.Input.Index),
                    Spi = ReportNames.Spi(flow.Spi),
                    Src = context.Values.Endpoint(flow.Source),
                    Dst = context.Values.Endpoint(flow.Destination),
                    Encapsulation = flow.Encapsulation.Name(),
                    Packets = flow.Packets,
                    Bytes = flow.Bytes,
                    FirstFrame = flow.First.Frame,
                    LastFrame = flow.Last.Frame,
                    FirstTime = ReportNames.Time(flow.First.Time),
                    LastTime = ReportNames.Time(flow.Last.Time),
                    SequenceGaps = flow.SequenceGaps,
                    Duplicates = flow.Duplicates,
                    Resets = flow.Resets,
                    FirstSequence = flow.FirstSequence,
                    LastSequence = flow.LastSequence,
                    PairedSpi = flow.PairedSpi is uint paired ? ReportNames.Spi(paired) : null,
                    PairedBy = flow.PairedBy is EspPairing how ? ReportNames.Kebab(how) : null,
                    IkeSaCookie = flow.IkeSaCookie is ulong cookie ? ReportNames.Cookie(cookie) : null,
                    PacketsAfterDelete = flow.PacketsAfterDelete,
                    WithoutIkeSa = flow.WithoutIkeSa,
                });
            }
        }

        return new EspReport { Flows = flows };
    }
}

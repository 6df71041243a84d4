using System.Globalization;
using Analyzer.Sessions.Esp;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens one <see cref="EspFlow"/> into <see cref="FlowFacts"/>.</summary>
internal static class FlowFactsBuilder
{
    public static FlowFacts Build(EspFlow flow, CaptureContext context)
    {
        // AH SAs are their own flows; only the ESP of the other direction answers an ESP flow.
        long reverse = context.Index.PacketsFrom(flow.Destination.Address, flow.Source.Address, flow.Encapsulation == EspEncapsulation.Ah);

        string spi = "0x" + flow.Spi.ToString("x8", CultureInfo.InvariantCulture);
        return new FlowFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Spi = spi,
            Source = flow.Source.ToString(),
            Destination = flow.Destination.ToString(),
            Encapsulation = flow.Encapsulation.Name(),
            Packets = flow.Packets,
            Bytes = flow.Bytes,
            SequenceGaps = flow.SequenceGaps,
            Duplicates = flow.Duplicates,
            Resets = flow.Resets,
            ReversePackets = reverse,
            Paired = flow.PairedSpi is not null,
            PacketsAfterDelete = flow.PacketsAfterDelete,
            WithoutIkeSa = flow.WithoutIkeSa,
            DurationSeconds = flow.Last.Time.SecondsSince(flow.First.Time),
            DisplayFilter = "esp.spi == " + spi,
            First = flow.First,
            Last = flow.Last,
            Frames = flow.First == flow.Last ? [flow.First] : [flow.First, flow.Last],
            Integrity = EspIntegrityFactsBuilder.Build(flow, context),
        };
    }
}

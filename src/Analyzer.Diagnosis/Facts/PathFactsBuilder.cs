using System.Globalization;
using Analyzer.Correlation;
using Analyzer.Correlation.Paths;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens path comparisons into <see cref="PathDirectionFacts"/> and <see cref="TranslationFacts"/>.</summary>
internal static class PathFactsBuilder
{
    public static void Build(Case @case, List<PathDirectionFacts> directions, List<TranslationFacts> translations, IReadOnlyList<SaFacts> sas)
    {
        foreach (PathComparison path in @case.Paths)
        {
            string captures = string.Join(", ", path.Captures.Select(c =>
                (c.InputIndex >= 0 && c.InputIndex < @case.Inputs.Count ? @case.Inputs[c.InputIndex].DisplayName : "#" + c.InputIndex.ToString(CultureInfo.InvariantCulture))
                + " (" + c.Role + ")"));
            int nearInput = path.Captures.Count > 0 ? path.Captures[0].InputIndex : 0;
            foreach (PathDirection direction in path.Directions)
            {
                VantagePoint? near = path.Captures.Find(c => c.Role == direction.From);
                directions.Add(new PathDirectionFacts
                {
                    InputIndex = near?.InputIndex ?? nearInput,
                    Input = captures,
                    Vantage = direction.From,
                    From = direction.From,
                    To = direction.To,
                    Protocol = direction.Protocol,
                    Sent = direction.Sent,
                    Received = direction.Received,
                    Lost = direction.Lost,
                    Modified = direction.Modified.Count,
                    Modifications = direction.Modified.Select(m => string.Create(CultureInfo.InvariantCulture,
                        $"frame {m.Sent.Frame} arrived as frame {m.Received.Frame} with {m.DifferingBytes} bytes changed from offset {m.FirstDifferingOffset}: {m.Description}")).ToList(),
                    Captures = captures,
                    ClockOffsetSeconds = path.ClockOffsetSeconds ?? 0,
                    LostFrames = direction.LostFrames,
                    ModifiedFrames = direction.Modified.SelectMany(m => new[] { m.Sent, m.Received }).ToList(),
                    DisplayFilter = Filter(direction.Protocol),
                });
            }

            foreach (NatTranslation translation in path.Translations)
            {
                bool natT = false;
                foreach (SaFacts sa in sas)
                {
                    natT |= sa.FloatedTo4500 && (sa.InitiatorAddress == translation.Inside.Address.ToString()
                        || sa.InitiatorAddress == translation.Outside.Address.ToString());
                }

                translations.Add(new TranslationFacts
                {
                    InputIndex = nearInput,
                    Input = captures,
                    Vantage = "between",
                    Protocol = translation.Protocol,
                    Inside = translation.Inside.ToString(),
                    Outside = translation.Outside.ToString(),
                    NatDiscovery = translation.NatDiscoveryAgreed switch { true => "agreed", false => "disagreed", null => "unknown" },
                    NatTUsed = natT,
                    Captures = captures,
                });
            }
        }
    }

    internal static string Filter(string protocol) => protocol switch
    {
        "udp500" => "udp.port == 500",
        "udp4500" => "udp.port == 4500",
        "esp" => "esp",
        "udp1701" => "udp.port == 1701",
        "ip-fragments" => "ip.flags.mf == 1 || ip.frag_offset > 0",
        _ => "",
    };
}

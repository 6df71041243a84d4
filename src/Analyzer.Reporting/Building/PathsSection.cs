using Analyzer.Core;
using Analyzer.Correlation.Paths;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>Vantage points lined up (issue 10): roles, NAT mappings, per-direction sent/received/lost.</summary>
internal static class PathsSection
{
    public static IReadOnlyList<ReportPath> Build(BuildContext context)
    {
        var paths = new List<ReportPath>(context.Case.Paths.Count);
        foreach (PathComparison path in context.Case.Paths)
        {
            var captures = new List<ReportVantagePoint>(path.Captures.Count);
            foreach (VantagePoint point in path.Captures)
            {
                captures.Add(new ReportVantagePoint(context.InputName(point.InputIndex), point.Role, context.Values.Text(point.Reason)));
            }

            var translations = new List<ReportTranslation>(path.Translations.Count);
            foreach (NatTranslation translation in path.Translations)
            {
                translations.Add(new ReportTranslation(translation.Protocol, context.Values.Endpoint(translation.Inside), context.Values.Endpoint(translation.Outside),
                    translation.NatDiscoveryAgreed));
            }

            var directions = new List<ReportPathDirection>(path.Directions.Count);
            foreach (PathDirection direction in path.Directions)
            {
                var lost = new List<ReportFrame>(direction.LostFrames.Count);
                foreach (FrameRef frame in direction.LostFrames)
                {
                    lost.Add(Frame(context, frame));
                }

                var modified = new List<ReportModifiedPacket>(direction.Modified.Count);
                foreach (ModifiedPacket packet in direction.Modified)
                {
                    modified.Add(new ReportModifiedPacket(Frame(context, packet.Sent), Frame(context, packet.Received),
                        packet.FirstDifferingOffset, packet.DifferingBytes, context.Values.Text(packet.Description)));
                }

                directions.Add(new ReportPathDirection
                {
                    From = direction.From,
                    To = direction.To,
                    Protocol = direction.Protocol,
                    Sent = direction.Sent,
                    Received = direction.Received,
                    Lost = direction.Lost,
                    LostFrames = lost,
                    Modified = modified,
                });
            }

            paths.Add(new ReportPath
            {
                Captures = captures,
                ClockOffsetSeconds = path.ClockOffsetSeconds,
                Translations = translations,
                Directions = directions,
                TransitSeconds = new Dictionary<string, double>(path.TransitSeconds, StringComparer.Ordinal),
            });
        }

        return paths;
    }

    private static ReportFrame Frame(BuildContext context, FrameRef frame) =>
        new(context.InputName(frame.InputIndex), frame.Frame, ReportNames.Time(frame.Time));
}

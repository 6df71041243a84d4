using System.Globalization;
using System.Text;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Paths;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// What the fact builders need to know about one capture beyond its own model: its place on the
/// path, the losses path comparison found for it, when it ends, and which ESP flows belong to which SA
/// (<see cref="CaptureIndex"/>).
/// </summary>
internal sealed class CaptureContext
{
    public CaptureContext(CaptureModel capture, Case @case)
    {
        Capture = capture;
        Case = @case;
        Vantage = "capture";
        foreach (PathComparison path in @case.Paths)
        {
            foreach (VantagePoint point in path.Captures)
            {
                if (point.InputIndex == capture.Input.Index)
                {
                    Vantage = point.Role;
                    Paths.Add(path);
                }
            }
        }

        End = capture.Statistics.LastTime ?? LatestFrame(capture);
        Index = new CaptureIndex(capture);
    }

    public CaptureModel Capture { get; }

    /// <summary>The whole case: the other vantage points' views of the same SPI.</summary>
    public Case Case { get; }

    public string Vantage { get; }

    public List<PathComparison> Paths { get; } = [];

    public Timestamp End { get; }

    public int InputIndex => Capture.Input.Index;

    public string Input => Capture.Input.DisplayName;

    /// <summary>The capture's SAs and flows by the peers they run between.</summary>
    public CaptureIndex Index { get; }

    public IReadOnlyList<EspFlow> FlowsOf(IkeSa sa) => Index.FlowsOf(sa);

    /// <summary>Path losses for the given protocols, as one sentence ("" when none).</summary>
    public string PathLoss(params string[] protocols)
    {
        var text = new StringBuilder();
        foreach (PathComparison path in Paths)
        {
            foreach (PathDirection direction in path.Directions)
            {
                if (direction.Lost <= 0 || Array.IndexOf(protocols, direction.Protocol) < 0)
                {
                    continue;
                }

                text.Append(text.Length == 0 ? "Lost between the client and the server: " : "; ");
                text.Append(CultureInfo.InvariantCulture,
                    $"{direction.Protocol} {direction.From}→{direction.To} {direction.Lost} of {direction.Sent} sent");
            }
        }

        return text.Length == 0 ? "" : text.Append('.').ToString();
    }

    public static bool SamePeers(NetEndpoint a1, NetEndpoint b1, NetEndpoint a2, NetEndpoint b2) =>
        (a1.Address == a2.Address && b1.Address == b2.Address) || (a1.Address == b2.Address && b1.Address == a2.Address);

    private static Timestamp LatestFrame(CaptureModel capture)
    {
        Timestamp latest = default;
        foreach (IkeSa sa in capture.IkeSas)
        {
            latest = Max(latest, sa.LastFrame.Time);
        }

        foreach (EspFlow flow in capture.EspFlows)
        {
            latest = Max(latest, flow.Last.Time);
        }

        return latest;
    }

    private static Timestamp Max(Timestamp a, Timestamp b) => a >= b ? a : b;
}

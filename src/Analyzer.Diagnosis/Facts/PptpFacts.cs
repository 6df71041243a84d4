using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>One PPTP control connection (TCP 1723) with its GRE data (subject <c>pptp</c>).</summary>
public sealed class PptpFacts : FactOrigin
{
    public string Client { get; init; } = "";
    public string Server { get; init; } = "";
    public int ControlMessages { get; init; }
    public IReadOnlyList<string> ControlTypes { get; init; } = [];
    /// <summary>Result texts of control replies that carried one.</summary>
    public IReadOnlyList<string> Results { get; init; } = [];
    public long GreFromClient { get; init; }
    public long GreFromServer { get; init; }
    /// <summary>The capture also holds L2TP or IKE traffic.</summary>
    public bool L2tpOrIkeAlsoPresent { get; init; }
    public IReadOnlyList<FrameRef> Frames { get; init; } = [];
}

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Two or more captures of the same conversation lined up: who is where, how their clocks differ,
/// what a NAT rewrote, and per direction and protocol what was sent, received, lost or changed.
/// </summary>
public sealed class PathComparison
{
    /// <summary>The captures taking part, with their vantage points.</summary>
    public List<VantagePoint> Captures { get; } = [];

    /// <summary>Clock of the server-side capture minus the client-side one (seconds), from matched pairs.</summary>
    public double? ClockOffsetSeconds { get; set; }

    public List<NatTranslation> Translations { get; } = [];

    public List<PathDirection> Directions { get; } = [];

    /// <summary>IKE traffic moved to UDP 4500 (NAT-T): IKE after the non-ESP marker, ESP-in-UDP or keepalives.</summary>
    public bool NatTraversalUsed { get; set; }

    /// <summary>Initiator cookies (IKEv1) or SPIs (IKEv2) of the IKE SAs this conversation holds: ties the path to the model's IkeSa.</summary>
    public List<ulong> IkeCookies { get; } = [];

    /// <summary>Median one-way transit time per direction ("client→server"), after clock correction.</summary>
    public Dictionary<string, double> TransitSeconds { get; } = [];
}

using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>One exchange of an IKE SA (subject <c>exchange</c>), with its SA's facts under <see cref="Sa"/>.</summary>
public sealed class ExchangeFacts : FactOrigin
{
    public required SaFacts Sa { get; init; }
    /// <summary>IkeExchangeKind name: MainMode, AggressiveMode, QuickMode, Informational, Transaction, IkeSaInit, IkeAuth, CreateChildSa, InformationalV2...</summary>
    public string Kind { get; init; } = "";
    /// <summary>8 hex digits.</summary>
    public string MessageId { get; init; } = "";
    /// <summary>ExchangeState name: InProgress, Completed, NoResponse, RejectedByNotify, AnsweredByEncryptedInformational, Abandoned.</summary>
    public string State { get; init; } = "";
    public int HighestMessage { get; init; }
    public int StalledAfterMessage { get; init; }
    public string RejectingNotify { get; init; } = "";
    public int Messages { get; init; }
    public int Retransmissions { get; init; }
    public bool Encrypted { get; init; }
    public bool Decrypted { get; init; }
    public string EncapsulationMode { get; init; } = "";
    public IReadOnlyList<string> TrafficSelectors { get; init; } = [];
    public IReadOnlyList<string> Notifies { get; init; } = [];
    public IReadOnlyList<FrameRef> Frames { get; init; } = [];
}

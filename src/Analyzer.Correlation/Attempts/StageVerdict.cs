namespace Analyzer.Correlation.Attempts;

/// <summary>One stage of one attempt: its outcome and what shows it.</summary>
public sealed class StageVerdict
{
    public StageVerdict(AttemptStage stage) => Stage = stage;

    public AttemptStage Stage { get; }

    public StageOutcome Outcome { get; set; } = StageOutcome.NotReached;

    public List<AttemptEvidence> Evidence { get; } = [];

    /// <summary>
    /// The captures show the stage refused outright (an error notify, or an encrypted Informational
    /// in answer): a log line saying part of it succeeded (charon's server authentication before a
    /// refused EAP) does not overturn that, as it may a capture that merely stops early.
    /// </summary>
    public bool Refused { get; set; }

    /// <summary>
    /// The keys that would decide this <see cref="StageOutcome.Unknown"/> stage ("the IKEv2 keys"):
    /// set where the attempt stops at an exchange that is encrypted and not decrypted, with no ESP or
    /// later exchange after it, so that a success and a refusal look the same on the wire. Null when
    /// keys would not help (the captures simply end, or nothing was seen).
    /// </summary>
    public string? UndecidedWithout { get; set; }
}

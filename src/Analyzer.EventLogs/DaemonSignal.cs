namespace Analyzer.EventLogs;

/// <summary>
/// What a daemon line shows of the conversation itself, beyond its stage and outcome: a packet
/// received or sent, the peer starting a negotiation, an SA established. Set by the map entry's
/// <c>signal</c> (Maps/*.yaml), so the later stages read it instead of matching kind names.
/// </summary>
public enum DaemonSignal : byte
{
    None,

    /// <summary>charon "received packet: from … to …".</summary>
    PacketReceived,

    /// <summary>charon "sending packet: from … to …".</summary>
    PacketSent,

    /// <summary>This daemon began a negotiation (charon "initiating … Mode IKE_SA", pluto "initiating … Mode"): it is the client.</summary>
    Initiating,

    /// <summary>This daemon gave up on the peer (charon "giving up after N retransmits", pluto's "max number of retransmissions").</summary>
    GiveUp,

    /// <summary>The peer began a negotiation (charon "… is initiating a … Mode", pluto's responder state).</summary>
    PeerInitiating,

    /// <summary>An IKE SA or child SA came up (read with the line's stage: phase1-auth or phase2).</summary>
    Established,

    /// <summary>
    /// What a pre-shared-key mismatch looks like from this end: the peer's encrypted authentication
    /// message did not decrypt, parse or verify under this end's key (charon "MAC mismatched",
    /// "could not decrypt payloads"; pluto "mismatch of preshared secrets?", a Hash payload that does
    /// not verify or parse). A damaged packet can look the same.
    /// </summary>
    PskMismatch,
}

/// <summary>The words a map entry's <c>signal</c> may take.</summary>
public static class DaemonSignals
{
    private static readonly Dictionary<string, DaemonSignal> Words = new(StringComparer.Ordinal)
    {
        ["packet-received"] = DaemonSignal.PacketReceived,
        ["packet-sent"] = DaemonSignal.PacketSent,
        ["initiating"] = DaemonSignal.Initiating,
        ["give-up"] = DaemonSignal.GiveUp,
        ["peer-initiating"] = DaemonSignal.PeerInitiating,
        ["established"] = DaemonSignal.Established,
        ["psk-mismatch"] = DaemonSignal.PskMismatch,
    };

    public static IEnumerable<string> All => Words.Keys;

    public static bool TryParse(string? word, out DaemonSignal signal)
    {
        signal = DaemonSignal.None;
        return word is null || Words.TryGetValue(word, out signal);
    }
}

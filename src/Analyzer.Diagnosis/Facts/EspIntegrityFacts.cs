using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// What decrypting one ESP flow showed (rules read it as <c>Integrity.…</c> on subject <c>flow</c>):
/// the ICV is checked first (RFC 4303 §3.4.4), then padding and next header (§2.4, §2.6). Zeros
/// and empty strings when there was no key for the SA.
/// </summary>
public sealed class EspIntegrityFacts
{
    public static EspIntegrityFacts None { get; } = new();

    /// <summary>A key for this SA was tried on its packets.</summary>
    public bool Checked { get; init; }

    public long DecryptedPackets { get; init; }

    /// <summary>Packets whose ICV did not match.</summary>
    public long IcvMismatches { get; init; }

    /// <summary>Packets whose ICV matched (or the SA has none) but whose padding or next header is unsound.</summary>
    public long BadPadding { get; init; }

    /// <summary>"wrong key" (no packet of the SA verifies) or "changed on the path" (the key verifies the others); "" when all verify.</summary>
    public string Verdict { get; init; } = "";

    /// <summary>With another capture of the same SPI: "3 of them verified at client.pcap: changed between client.pcap and server.pcap"; "" when no other view decides.</summary>
    public string AlteredBetween { get; init; } = "";

    /// <summary>Packets that failed here and verified at another vantage point.</summary>
    public long VerifiedElsewhere { get; init; }

    /// <summary>The first frames (up to 100) whose ICV did not match.</summary>
    public IReadOnlyList<FrameRef> IcvMismatchFrames { get; init; } = [];
}

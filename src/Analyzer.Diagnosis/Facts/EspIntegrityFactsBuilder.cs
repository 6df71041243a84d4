using System.Globalization;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Reads a flow's decryption counts into <see cref="EspIntegrityFacts"/>, and where another capture
/// of the case holds the same SPI, whether the packets that fail here verified there: the same SPI
/// and sequence number sound at one vantage point and altered at the other was changed between them.
/// </summary>
internal static class EspIntegrityFactsBuilder
{
    public static EspIntegrityFacts Build(EspFlow flow, CaptureContext context)
    {
        if (flow.DecryptedPackets + flow.IcvMismatches + flow.BadPadding == 0)
        {
            return EspIntegrityFacts.None;
        }

        string verdict = flow.IcvMismatches == 0 && flow.BadPadding == 0 ? ""
            : flow.DecryptedPackets == 0 && flow.IcvMismatches > 0 ? "wrong key: no packet of this SA verifies with the key given"
            : flow.DecryptedPackets == 0 ? "wrong encryption key: the ICV verifies but the padding does not"
            : "packets changed on the path: the same key verifies the other packets of this SA";

        (long elsewhere, string where) = flow.IcvMismatches == 0 ? (0, "") : VerifiedElsewhere(flow, context);
        return new EspIntegrityFacts
        {
            Checked = true,
            DecryptedPackets = flow.DecryptedPackets,
            IcvMismatches = flow.IcvMismatches,
            BadPadding = flow.BadPadding,
            Verdict = verdict,
            AlteredBetween = elsewhere == 0 ? ""
                : string.Create(CultureInfo.InvariantCulture, $"{elsewhere} of them verified at {where}: changed between {where} and {context.Input}"),
            VerifiedElsewhere = elsewhere,
            IcvMismatchFrames = flow.IcvMismatchFrames,
        };
    }

    private static (long Count, string Where) VerifiedElsewhere(EspFlow flow, CaptureContext context)
    {
        foreach (CaptureModel other in context.Case.Captures)
        {
            if (other == context.Capture)
            {
                continue;
            }

            foreach (EspFlow twin in other.EspFlows)
            {
                if (twin.Spi != flow.Spi || twin.Encapsulation != flow.Encapsulation || twin.DecryptedPackets == 0)
                {
                    continue;
                }

                long verified = 0;
                foreach (uint? sequence in flow.IcvMismatchSequences)
                {
                    if (sequence is uint s && s >= twin.FirstSequence && s <= twin.LastSequence && !twin.IcvMismatchSequences.Contains(s))
                    {
                        verified++;
                    }
                }

                if (verified > 0)
                {
                    return (verified, other.Input.DisplayName);
                }
            }
        }

        return (0, "");
    }
}

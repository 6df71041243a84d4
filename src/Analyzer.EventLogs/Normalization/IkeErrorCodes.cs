using System.Collections.Frozen;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// Windows IKE failure codes (ERROR_IPSEC_IKE_*, 13800–13999), as Windows reports them in IPsec
/// audit events' Failure Reason and in RasClient errors. Source: winerror.h names, our wording.
/// Also maps the English Failure Reason texts back to their code, because 4653/4654/547 carry
/// only the text (other languages keep the text raw with no code).
/// </summary>
public static class IkeErrorCodes
{
    private static readonly (long Code, string Meaning, string WindowsText)[] Table =
    [
        (13801, "IKE authentication credentials are unacceptable", "IKE authentication credentials are unacceptable"),
        (13802, "IKE security attributes are unacceptable", "IKE security attributes are unacceptable"),
        (13803, "IKE negotiation in progress", "IKE Negotiation in progress"),
        (13804, "general processing error", "General processing error"),
        (13805, "negotiation timed out (the peer did not answer)", "Negotiation timed out"),
        (13806, "IKE could not find a valid machine certificate", "IKE failed to find valid machine certificate"),
        (13807, "the peer deleted the IKE SA before it was established", "IKE SA deleted by peer before establishment completed"),
        (13808, "the IKE SA was deleted before it was established", "IKE SA deleted before establishment completed"),
        (13809, "the negotiation request waited in the queue too long", "Negotiation request sat in Queue too long"),
        (13813, "no response from the peer", "No response from peer"),
        (13814, "the negotiation took too long", "Negotiation took too long"),
        (13816, "unknown IKE error", "Unknown error occurred"),
        (13817, "the certificate revocation check failed", "Certificate Revocation Check failed"),
        (13818, "invalid certificate key usage", "Invalid certificate key usage"),
        (13819, "invalid certificate type", "Invalid certificate type"),
        (13820, "the machine certificate has no private key", "IKE negotiation failed because the machine certificate used does not have a private key"),
        (13822, "Diffie-Hellman computation failed", "Failure in Diffie-Hellman computation"),
        (13824, "invalid IKE header", "Invalid header"),
        (13825, "no IPsec policy configured", "No policy configured"),
        (13826, "the signature could not be verified", "Failed to verify signature"),
        (13827, "Kerberos authentication failed", "Failed to authenticate using Kerberos"),
        (13828, "the peer's certificate has no public key", "Peer's certificate did not have a public key"),
        (13829, "error processing an error payload", "Error processing error payload"),
        (13830, "error processing the SA payload", "Error processing SA payload"),
        (13831, "error processing a proposal payload", "Error processing Proposal payload"),
        (13832, "error processing a transform payload", "Error processing Transform payload"),
        (13833, "error processing the KE payload", "Error processing KE payload"),
        (13834, "error processing the ID payload", "Error processing ID payload"),
        (13835, "error processing the certificate payload", "Error processing Cert payload"),
        (13836, "error processing the certificate request payload", "Error processing Certificate Request payload"),
        (13837, "error processing the hash payload (often a pre-shared key mismatch)", "Error processing Hash payload"),
        (13838, "error processing the signature payload", "Error processing Signature payload"),
        (13839, "error processing the nonce payload", "Error processing Nonce payload"),
        (13840, "error processing the notify payload", "Error processing Notify payload"),
        (13841, "error processing the delete payload", "Error processing Delete Payload"),
        (13842, "error processing the vendor ID payload", "Error processing VendorId payload"),
        (13843, "an invalid payload was received", "Invalid payload received"),
        (13846, "an invalid cookie was received", "Invalid cookie received"),
        (13847, "the peer did not send a valid machine certificate", "Peer failed to send valid machine certificate"),
        (13848, "the revocation check of the peer's certificate failed", "Certification Revocation check of peer's certificate failed"),
        (13850, "no matching Main Mode policy", "No matching main mode policy"),
        (13858, "invalid filter", "Invalid filter"),
        (13866, "encryption failed", "Encryption failed"),
        (13867, "decryption failed (often a pre-shared key mismatch)", "Decryption failed"),
        (13868, "policy match error", "Policy match error"),
        (13869, "unsupported ID", "Unsupported ID"),
        (13870, "hash verification failed (often a pre-shared key mismatch)", "Hash verification failed"),
        (13871, "invalid hash algorithm", "Invalid hash algorithm"),
        (13873, "invalid encryption algorithm", "Invalid encryption algorithm"),
        (13874, "invalid authentication algorithm", "Invalid authentication algorithm"),
        (13875, "invalid certificate signature", "Invalid certificate signature"),
        (13882, "the Main Mode SA limit was reached", "Max number of established MM SAs to peer exceeded"),
        (13887, "the certificate chain does not match the policy (no trusted root from the configured CAs)", "Certificate doesn't chain to a trusted root in IPsec policy"),
    ];

    public static FrozenDictionary<long, string> Meanings { get; } = BuildMeanings();

    private static readonly FrozenDictionary<string, long> ByWindowsText = BuildTexts();

    public static string? Describe(long code) => Meanings.TryGetValue(code, out string? meaning) ? meaning : null;

    /// <summary>The code for a Failure Reason text (English, trailing period and case ignored).</summary>
    public static long? FromWindowsText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string key = text.Trim().TrimEnd('.').Trim();
        if (ByWindowsText.TryGetValue(key, out long code))
        {
            return code;
        }

        // Some reasons go on with advice ("... certificate. Contact your Network Security Administrator ..."): longest known prefix wins.
        long? best = null;
        int bestLength = 0;
        foreach ((long candidate, _, string windowsText) in Table)
        {
            if (windowsText.Length > bestLength && key.StartsWith(windowsText, StringComparison.OrdinalIgnoreCase))
            {
                (best, bestLength) = (candidate, windowsText.Length);
            }
        }

        return best;
    }

    private static FrozenDictionary<long, string> BuildMeanings()
    {
        var meanings = new Dictionary<long, string>();
        foreach ((long code, string meaning, _) in Table)
        {
            meanings[code] = meaning;
        }

        return meanings.ToFrozenDictionary();
    }

    private static FrozenDictionary<string, long> BuildTexts()
    {
        var texts = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach ((long code, _, string text) in Table)
        {
            texts[text] = code;
        }

        return texts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

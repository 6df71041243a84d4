using System.Collections.Frozen;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// The English Failure Reason texts of Windows IPsec audit events (4653/4654/547 carry only the
/// text, not the number) mapped back to their IKE error number (ERROR_IPSEC_IKE_*, 13800–13999);
/// other languages keep the text raw with no code. What each number means is the one Windows error
/// table's (Analyzer.Core.WindowsErrors), not this file's.
/// </summary>
public static class IkeErrorCodes
{
    private static readonly (long Code, string WindowsText)[] Table =
    [
        (13801, "IKE authentication credentials are unacceptable"),
        (13802, "IKE security attributes are unacceptable"),
        (13803, "IKE Negotiation in progress"),
        (13804, "General processing error"),
        (13805, "Negotiation timed out"),
        (13806, "IKE failed to find valid machine certificate"),
        (13807, "IKE SA deleted by peer before establishment completed"),
        (13808, "IKE SA deleted before establishment completed"),
        (13809, "Negotiation request sat in Queue too long"),
        (13813, "No response from peer"),
        (13814, "Negotiation took too long"),
        (13816, "Unknown error occurred"),
        (13817, "Certificate Revocation Check failed"),
        (13818, "Invalid certificate key usage"),
        (13819, "Invalid certificate type"),
        (13820, "IKE negotiation failed because the machine certificate used does not have a private key"),
        (13822, "Failure in Diffie-Hellman computation"),
        (13824, "Invalid header"),
        (13825, "No policy configured"),
        (13826, "Failed to verify signature"),
        (13827, "Failed to authenticate using Kerberos"),
        (13828, "Peer's certificate did not have a public key"),
        (13829, "Error processing error payload"),
        (13830, "Error processing SA payload"),
        (13831, "Error processing Proposal payload"),
        (13832, "Error processing Transform payload"),
        (13833, "Error processing KE payload"),
        (13834, "Error processing ID payload"),
        (13835, "Error processing Cert payload"),
        (13836, "Error processing Certificate Request payload"),
        (13837, "Error processing Hash payload"),
        (13838, "Error processing Signature payload"),
        (13839, "Error processing Nonce payload"),
        (13840, "Error processing Notify payload"),
        (13841, "Error processing Delete Payload"),
        (13842, "Error processing VendorId payload"),
        (13843, "Invalid payload received"),
        (13846, "Invalid cookie received"),
        (13847, "Peer failed to send valid machine certificate"),
        (13848, "Certification Revocation check of peer's certificate failed"),
        (13850, "No matching main mode policy"),
        (13858, "Invalid filter"),
        (13866, "Encryption failed"),
        (13867, "Decryption failed"),
        (13868, "Policy match error"),
        (13869, "Unsupported ID"),
        (13870, "Hash verification failed"),
        (13871, "Invalid hash algorithm"),
        (13873, "Invalid encryption algorithm"),
        (13874, "Invalid authentication algorithm"),
        (13875, "Invalid certificate signature"),
        (13882, "Max number of established MM SAs to peer exceeded"),
        (13887, "Certificate doesn't chain to a trusted root in IPsec policy"),
    ];

    private static readonly FrozenDictionary<string, long> ByWindowsText = BuildTexts();

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
        foreach ((long candidate, string windowsText) in Table)
        {
            if (windowsText.Length > bestLength && key.StartsWith(windowsText, StringComparison.OrdinalIgnoreCase))
            {
                (best, bestLength) = (candidate, windowsText.Length);
            }
        }

        return best;
    }

    private static FrozenDictionary<string, long> BuildTexts()
    {
        var texts = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach ((long code, string text) in Table)
        {
            texts[text] = code;
        }

        return texts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

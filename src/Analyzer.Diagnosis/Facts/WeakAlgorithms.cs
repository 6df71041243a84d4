using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Which transform attributes count as weak: single DES (broken by exhaustive search), MD5 (collisions),
/// and Diffie-Hellman groups 1 and 2 (768/1024-bit MODP, within reach of precomputation, RFC 8247 §2.4).
/// Names are matched loosely because tshark, strongSwan and Windows spell them differently.
/// </summary>
internal static class WeakAlgorithms
{
    public static void Collect(IkeProposal proposal, List<string> into)
    {
        AddIf(IsSingleDes(proposal.Encryption), proposal.Encryption, into);
        AddIf(IsMd5(proposal.Hash), proposal.Hash, into);
        AddIf(IsMd5(proposal.Prf), proposal.Prf, into);
        AddIf(IsWeakGroup(proposal.DhGroup), proposal.DhGroup, into);
    }

    internal static bool IsSingleDes(string? name)
    {
        if (name is null)
        {
            return false;
        }

        string n = name.Trim().ToUpperInvariant();
        return n.StartsWith("DES", StringComparison.Ordinal) && !n.StartsWith("DES3", StringComparison.Ordinal)
            && !n.Contains("EDE", StringComparison.Ordinal);
    }

    internal static bool IsMd5(string? name) =>
        name is not null && name.Contains("MD5", StringComparison.OrdinalIgnoreCase);

    internal static bool IsWeakGroup(string? name)
    {
        if (name is null)
        {
            return false;
        }

        string n = name.Trim().ToUpperInvariant();
        return n is "1" or "2" or "GROUP 1" or "GROUP 2" or "MODP768" or "MODP1024"
            || n.Contains("768", StringComparison.Ordinal)
            || (n.Contains("1024", StringComparison.Ordinal) && n.Contains("MODP", StringComparison.Ordinal) && !n.Contains("160", StringComparison.Ordinal));
    }

    private static void AddIf(bool weak, string? name, List<string> into)
    {
        if (weak && name is not null && !into.Contains(name))
        {
            into.Add(name);
        }
    }
}

using System.Globalization;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Certificate checks of one SA: validity against the time the certificate crossed the wire, and
/// whether the CAs one side asks for (CERTREQ) include the issuer the other side presents.
/// </summary>
internal sealed record CertificateFacts(List<string> OutsideValidity, List<string> Requested, List<string> Issuers, string Mismatch)
{
    public static CertificateFacts From(IkeSa sa)
    {
        List<string> outside = [];
        foreach (IkeCertificate certificate in sa.Certificates)
        {
            DateTime seen = certificate.Frame.Time.ToDateTime();
            bool early = certificate.NotBefore is DateTime notBefore && seen < notBefore.ToUniversalTime();
            bool late = certificate.NotAfter is DateTime notAfter && seen > notAfter.ToUniversalTime();
            if (early || late)
            {
                outside.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{certificate.Subject ?? "(no subject)"} issued by {certificate.Issuer ?? "?"}, valid {Date(certificate.NotBefore)} to {Date(certificate.NotAfter)}, {(late ? "expired" : "not yet valid")} when sent at {seen:yyyy-MM-dd HH:mm:ss}Z by the {(certificate.FromInitiator ? "initiator" : "responder")}"));
            }
        }

        List<string> requested = sa.CertificateRequests.Select(r => r.CertificateAuthority).OfType<string>().Distinct().ToList();
        List<string> issuers = sa.Certificates.Select(c => c.Issuer).OfType<string>().Distinct().ToList();
        string mismatch = Compare(sa, true) ?? Compare(sa, false) ?? "";
        return new CertificateFacts(outside, requested, issuers, mismatch);
    }

    // Side A asks for named CAs; side B must present a certificate issued by one of them, or (when B
    // presents none in clear) at least ask for one of the same CAs itself.
    private static string? Compare(IkeSa sa, bool requesterIsInitiator)
    {
        List<string> asked = sa.CertificateRequests
            .Where(r => r.FromInitiator == requesterIsInitiator && r.CertificateAuthority is not null)
            .Select(r => r.CertificateAuthority!).ToList();
        if (asked.Count == 0)
        {
            return null;
        }

        var askedNormalized = asked.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        string requester = requesterIsInitiator ? "initiator" : "responder";
        string other = requesterIsInitiator ? "responder" : "initiator";
        List<string> presented = sa.Certificates.Where(c => c.FromInitiator != requesterIsInitiator && c.Issuer is not null)
            .Select(c => c.Issuer!).ToList();
        if (presented.Count > 0)
        {
            return presented.Exists(issuer => askedNormalized.Contains(Normalize(issuer))) ? null
                : $"the {requester} asks for certificates from {string.Join(" or ", asked)}, but the {other} presents one issued by {string.Join(", ", presented)}";
        }

        List<string> otherAsked = sa.CertificateRequests
            .Where(r => r.FromInitiator != requesterIsInitiator && r.CertificateAuthority is not null)
            .Select(r => r.CertificateAuthority!).ToList();
        if (otherAsked.Count == 0 || otherAsked.Exists(ca => askedNormalized.Contains(Normalize(ca))))
        {
            return null;
        }

        return requesterIsInitiator
            ? $"the initiator asks for {string.Join(" or ", asked)} and the responder for {string.Join(" or ", otherAsked)}: no CA in common"
            : null;
    }

    /// <summary>DN compared without spacing, case or component order (X.500 renderings differ in all three).</summary>
    internal static string Normalize(string distinguishedName)
    {
        string[] parts = distinguishedName.Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            int equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            parts[i] = equals < 0 ? parts[i].ToUpperInvariant()
                : parts[i][..equals].Trim().ToUpperInvariant() + "=" + parts[i][(equals + 1)..].Trim().ToUpperInvariant();
        }

        Array.Sort(parts, StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    private static string Date(DateTime? value) =>
        value is DateTime date ? date.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "?";
}

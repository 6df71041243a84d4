using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Certificate checks of one SA: validity against the time the certificate crossed the wire, and
/// whether the CAs one side asks for (CERTREQ) include the issuer the other side presents.
/// </summary>
internal sealed record CertificateFacts(List<string> OutsideValidity, List<string> Requested, List<string> Issuers, string Mismatch)
{
    /// <summary>RFC 5280 §4.2.1.12 id-kp-serverAuth: what a Windows IKEv2 client requires on the server's certificate.</summary>
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string AnyExtendedKeyUsage = "2.5.29.37.0";

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

        foreach (IkeCertificate certificate in sa.Certificates)
        {
            if (Usage(sa, certificate) is string problem)
            {
                outside.Add(problem);
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

        if (sa.Version == 2)
        {
            return CompareKeyHashes(sa, requesterIsInitiator);
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

    /// <summary>
    /// IKEv2 (RFC 7296 §3.7) names each trusted CA by the SHA-1 of its SubjectPublicKeyInfo, not by
    /// its name, and an end-entity certificate does not carry its issuer's key: a hash is matched
    /// only against a CA certificate the other side sent in its chain. Without one, the captures
    /// cannot tell whether the issuer is a CA asked for; only when the asking side then refused the
    /// other's authentication (AUTHENTICATION_FAILED, RFC 7296 §2.21.2) while the certificate was
    /// valid in time and fit for its use is an untrusted issuer the likely reason, and the text says so.
    /// </summary>
    private static string? CompareKeyHashes(IkeSa sa, bool requesterIsInitiator)
    {
        var hashes = sa.CertificateRequests.Where(r => r.FromInitiator == requesterIsInitiator)
            .SelectMany(r => r.KeyHashes).ToHashSet(StringComparer.Ordinal);
        List<IkeCertificate> presented = sa.Certificates.Where(c => c.FromInitiator != requesterIsInitiator && c.Decoded).ToList();
        if (hashes.Count == 0 || presented.Count == 0)
        {
            return null;
        }

        string requester = requesterIsInitiator ? "initiator" : "responder";
        string other = requesterIsInitiator ? "responder" : "initiator";
        List<IkeCertificate> authorities = presented.Where(c => c.IsAuthority && c.PublicKeyInfoSha1 is not null).ToList();
        if (authorities.Exists(c => hashes.Contains(c.PublicKeyInfoSha1!)))
        {
            return null;
        }

        string issuers = string.Join(", ", presented.Where(c => !c.IsAuthority).Select(c => c.Issuer).OfType<string>().Distinct());
        if (authorities.Count > 0)
        {
            return $"the {requester} asks for CAs by key hash and the {other}'s chain ({string.Join(", ", authorities.Select(a => a.Subject))}) holds none of them";
        }

        // The asking side's very next message after the certificate must be the refusal: a refusal
        // after further exchanges (EAP rounds) answers something else.
        FrameRef lastCertificate = presented[^1].Frame;
        IkeMessage? next = sa.Messages.Find(m => m.FromInitiator == requesterIsInitiator && m.Frame.Frame > lastCertificate.Frame);
        IkeNotifyObservation? refusal = next?.Notifies.Find(n => NotifyTypes.IsAuthenticationFailure(2, n.Type, true));
        bool otherwiseFit = presented.TrueForAll(c => !IsOutsideValidity(c) && Usage(sa, c) is null);
        return refusal is not null && otherwiseFit
            ? $"the {requester} asks for CAs by key hash, the {other} presents a certificate issued by {issuers} (valid, fit for its use) and the {requester} refuses it with {NotifyTypes.Name(refusal.Type, refusal.V2)}: the issuer is probably not a CA the {requester} trusts (the CA's own certificate is not in the captures, so its key hash cannot be compared)"
            : null;
    }

    private static bool IsOutsideValidity(IkeCertificate certificate)
    {
        DateTime seen = certificate.Frame.Time.ToDateTime();
        return (certificate.NotBefore is DateTime notBefore && seen < notBefore.ToUniversalTime())
            || (certificate.NotAfter is DateTime notAfter && seen > notAfter.ToUniversalTime());
    }

    /// <summary>
    /// A responder's (server's) end-entity certificate whose EKU extension lacks server
    /// authentication: Windows IKEv2 clients refuse it (error 13801); strongSwan does not check.
    /// A key usage extension without digitalSignature cannot sign the AUTH payload (RFC 4945 §5.1.3.2).
    /// </summary>
    private static string? Usage(IkeSa sa, IkeCertificate certificate)
    {
        if (certificate.IsAuthority || !certificate.Decoded)
        {
            return null;
        }

        string who = certificate.FromInitiator ? "initiator" : "responder";
        if (sa.Version == 2 && !certificate.FromInitiator && certificate.ExtendedKeyUsages is { } ekus
            && !ekus.Contains(ServerAuthentication) && !ekus.Contains(AnyExtendedKeyUsage))
        {
            return $"{certificate.Subject ?? "(no subject)"} sent by the {who} has no Server Authentication EKU ({ServerAuthentication}; it lists {(ekus.Count == 0 ? "none" : string.Join(", ", ekus.Select(EkuName)))}): a Windows IKEv2 client refuses it (error 13801)";
        }

        if (certificate.KeyUsage is { } usage
            && (usage & (System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature | System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            return $"{certificate.Subject ?? "(no subject)"} sent by the {who} has key usage {usage} without digitalSignature: it cannot sign IKE authentication";
        }

        return null;
    }

    private static string EkuName(string oid) => oid switch
    {
        "1.3.6.1.5.5.7.3.1" => "Server Authentication",
        "1.3.6.1.5.5.7.3.2" => "Client Authentication",
        "1.3.6.1.5.5.8.2.2" => "IP security IKE intermediate",
        "1.3.6.1.5.5.7.3.17" => "IPsec IKE",
        _ => oid,
    };

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

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Analyzer.Protocols.Ike.X509;

/// <summary>Decodes the DER certificate of a CERT payload (encoding 4, "X.509 Certificate - Signature") with the platform's loader.</summary>
public static class CertificateDecoder
{
    public static CertificateSummary Decode(ReadOnlySpan<byte> der)
    {
        if (der.IsEmpty)
        {
            return new CertificateSummary(null, null, null, null, null, null, "empty certificate");
        }

        try
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
            return new CertificateSummary(
                certificate.Subject,
                certificate.Issuer,
                certificate.NotBefore.ToUniversalTime(),
                certificate.NotAfter.ToUniversalTime(),
                KeySize(certificate),
                certificate.SerialNumber,
                null)
            {
                ExtendedKeyUsages = ExtendedKeyUsages(certificate),
                KeyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages,
                PublicKeyInfoSha1 = PublicKeyInfoHash(certificate),
                IsAuthority = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault()?.CertificateAuthority == true,
            };
        }
        catch (CryptographicException exception)
        {
            return new CertificateSummary(null, null, null, null, null, null, "not a readable X.509 certificate: " + exception.Message);
        }
    }

#pragma warning disable CA5350 // RFC 7296 §3.7 names trusted CAs by the SHA-1 of their key; a lookup key, not a signature.
    private static string PublicKeyInfoHash(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(SHA1.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
#pragma warning restore CA5350

    private static List<string>? ExtendedKeyUsages(X509Certificate2 certificate)
    {
        X509EnhancedKeyUsageExtension? extension = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (extension is null)
        {
            return null;
        }

        var oids = new List<string>();
        foreach (Oid oid in extension.EnhancedKeyUsages)
        {
            if (oid.Value is string value)
            {
                oids.Add(value);
            }
        }

        return oids;
    }

    private static int? KeySize(X509Certificate2 certificate)
    {
        using RSA? rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize;
        }

        using ECDsa? ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            return ecdsa.KeySize;
        }

        using DSA? dsa = certificate.GetDSAPublicKey();
        return dsa?.KeySize;
    }
}

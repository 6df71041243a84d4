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
                null);
        }
        catch (CryptographicException exception)
        {
            return new CertificateSummary(null, null, null, null, null, null, "not a readable X.509 certificate: " + exception.Message);
        }
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

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>CERT/CERTREQ encodings (RFC 2408 §3.9, RFC 7296 §3.6).</summary>
public static class CertificateEncodings
{
    public const byte X509Signature = 4;
    public const byte X509KeyExchange = 5;

    /// <summary>The encodings whose data is one DER X.509 certificate, the ones vpndiag decodes.</summary>
    public static bool IsX509(byte encoding) => encoding is X509Signature or X509KeyExchange;

    public static NameTable Table { get; } = new(new Dictionary<int, string>
    {
        [0] = "NONE",
        [1] = "PKCS #7 wrapped X.509 certificate",
        [2] = "PGP Certificate",
        [3] = "DNS Signed Key",
        [4] = "X.509 Certificate - Signature",
        [5] = "X.509 Certificate - Key Exchange",
        [6] = "Kerberos Tokens",
        [7] = "Certificate Revocation List (CRL)",
        [8] = "Authority Revocation List (ARL)",
        [9] = "SPKI Certificate",
        [10] = "X.509 Certificate - Attribute",
        [11] = "Raw RSA Key",
        [12] = "Hash and URL of X.509 certificate",
        [13] = "Hash and URL of X.509 bundle",
    }, (201, 255, "Private use"));
}

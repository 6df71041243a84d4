using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// A CERTREQ payload. IKEv1 (RFC 2408 §3.10): type and a DER CA distinguished name (empty: any CA).
/// IKEv2 (RFC 7296 §3.7): encoding and concatenated SHA-1 hashes of trusted CAs' public keys.
/// </summary>
public sealed record CertificateRequestPayload(byte Encoding, byte[] Authority)
{
    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, out CertificateRequestPayload? request, out ParseError error)
    {
        request = null;
        error = default;
        if (body.IsEmpty)
        {
            error = ParseError.Truncated(baseOffset, 1, 0);
            return false;
        }

        request = new CertificateRequestPayload(body[0], body[1..].ToArray());
        return true;
    }
}

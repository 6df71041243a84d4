using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>A CERT payload (RFC 2408 §3.9, RFC 7296 §3.6): encoding and the certificate bytes.</summary>
public sealed record CertificatePayload(byte Encoding, byte[] Data)
{
    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, out CertificatePayload? certificate, out ParseError error)
    {
        certificate = null;
        error = default;
        if (body.IsEmpty)
        {
            error = ParseError.Truncated(baseOffset, 1, 0);
            return false;
        }

        certificate = new CertificatePayload(body[0], body[1..].ToArray());
        return true;
    }
}

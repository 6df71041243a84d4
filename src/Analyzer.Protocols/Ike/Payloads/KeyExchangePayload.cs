using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>KE payload: IKEv1 (RFC 2408 §3.7) is the public value only; IKEv2 (RFC 7296 §3.4) starts with the DH group and 2 reserved bytes.</summary>
public sealed record KeyExchangePayload(ushort? Group, byte[] PublicValue)
{
    public static bool TryRead(ReadOnlySpan<byte> body, bool v2, int baseOffset, out KeyExchangePayload? keyExchange, out ParseError error)
    {
        keyExchange = null;
        error = default;
        if (!v2)
        {
            keyExchange = new KeyExchangePayload(null, body.ToArray());
            return true;
        }

        if (body.Length < 4)
        {
            error = ParseError.Truncated(baseOffset, 4, body.Length);
            return false;
        }

        keyExchange = new KeyExchangePayload(BinaryPrimitives.ReadUInt16BigEndian(body), body[4..].ToArray());
        return true;
    }
}

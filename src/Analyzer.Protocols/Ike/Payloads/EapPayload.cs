using System.Buffers.Binary;
using System.Text;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// An IKEv2 EAP payload (RFC 7296 §3.16) carrying one EAP packet (RFC 3748 §4): code, identifier,
/// type for requests and responses. For EAP-MSCHAPv2 (draft-kamath-pppext-eap-mschapv2 §2) the
/// op-code, and as <see cref="Text"/> what a support engineer reads: the identity (type 1), the user
/// name of an MS-CHAPv2 response, or the "E=691 R=0 ... M=..." message of a Success or Failure
/// request (RFC 2759 §5–6). Text is raw (escaped only when rendered) and cut at the string limit.
/// </summary>
public sealed record EapPayload(byte Code, byte Identifier, byte? Type, byte? MsChapV2OpCode, string? Text)
{
    public const byte CodeRequest = 1;
    public const byte CodeResponse = 2;
    public const byte CodeSuccess = 3;
    public const byte CodeFailure = 4;
    public const byte TypeIdentity = 1;
    public const byte TypeMsChapV2 = 26;
    public const byte MsChapV2Response = 2;
    public const byte MsChapV2Success = 3;
    public const byte MsChapV2Failure = 4;

    private const int HeaderLength = 4;          // code, identifier, length
    private const int MsChapV2HeaderLength = 4;  // op-code, MS-CHAPv2-ID, MS-Length
    private const int MsChapV2ValueSize = 49;    // RFC 2759 §4: peer challenge, reserved, NT response, flags

    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, int maxStringLength, out EapPayload? eap, out ParseError error)
    {
        eap = null;
        error = default;
        if (body.Length < HeaderLength)
        {
            error = ParseError.Truncated(baseOffset, HeaderLength, body.Length);
            return false;
        }

        ushort length = BinaryPrimitives.ReadUInt16BigEndian(body[2..]);
        if (length < HeaderLength || length > body.Length)
        {
            error = ParseError.BadLength(baseOffset + 2, length, body.Length);
            return false;
        }

        ReadOnlySpan<byte> packet = body[..length];
        byte code = packet[0];
        if (code is not (CodeRequest or CodeResponse) || packet.Length == HeaderLength)
        {
            eap = new EapPayload(code, packet[1], null, null, null);
            return true;
        }

        byte type = packet[HeaderLength];
        ReadOnlySpan<byte> data = packet[(HeaderLength + 1)..];
        byte? opCode = null;
        string? text = null;
        if (type == TypeIdentity)
        {
            text = Printable(data, maxStringLength);
        }
        else if (type == TypeMsChapV2 && data.Length >= 1)
        {
            opCode = data[0];
            if (data.Length >= MsChapV2HeaderLength)
            {
                ReadOnlySpan<byte> value = data[MsChapV2HeaderLength..];
                text = opCode switch
                {
                    MsChapV2Success or MsChapV2Failure when code == CodeRequest => Printable(value, maxStringLength),
                    MsChapV2Response when value.Length > MsChapV2ValueSize => Printable(value[(1 + MsChapV2ValueSize)..], maxStringLength),
                    _ => null,
                };
            }
        }

        eap = new EapPayload(code, packet[1], type, opCode, text);
        return true;
    }

    /// <summary>The bytes as text (UTF-8, as EAP identities and MS-CHAPv2 messages are sent), cut at the limit; null when empty.</summary>
    private static string? Printable(ReadOnlySpan<byte> bytes, int maxStringLength)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(bytes.Length > maxStringLength ? bytes[..maxStringLength] : bytes);
        return text.TrimEnd('\0');
    }
}

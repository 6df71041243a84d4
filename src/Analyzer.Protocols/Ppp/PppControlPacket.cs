using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ppp;

/// <summary>
/// An LCP-format packet (RFC 1661 §5), shared by LCP, the NCPs, CCP, PAP, CHAP and EAP:
/// <code>
/// |     Code      |  Identifier   |            Length             |
/// |    Data ...
/// </code>
/// <see cref="Data"/> is cut to Length; bytes after it are padding and ignored.
/// </summary>
public readonly ref struct PppControlPacket
{
    public const int HeaderLength = 4;

    private PppControlPacket(byte code, byte identifier, ushort length, ReadOnlySpan<byte> data)
    {
        Code = code;
        Identifier = identifier;
        Length = length;
        Data = data;
    }

    public byte Code { get; }

    public byte Identifier { get; }

    public ushort Length { get; }

    public ReadOnlySpan<byte> Data { get; }

    public static bool TryRead(ReadOnlySpan<byte> packet, out PppControlPacket control, out ParseError error)
    {
        control = default;
        error = default;
        if (packet.Length < HeaderLength)
        {
            error = ParseError.Truncated(0, HeaderLength, packet.Length);
            return false;
        }

        ushort length = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (length < HeaderLength || length > packet.Length)
        {
            error = ParseError.BadLength(2, length, packet.Length);
            return false;
        }

        control = new PppControlPacket(packet[0], packet[1], length, packet[HeaderLength..length]);
        return true;
    }
}

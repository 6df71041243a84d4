using System.Buffers.Binary;

namespace Analyzer.Protocols.Ppp;

/// <summary>Reads and names LCP Authentication-Protocol option values (RFC 1661 §6.2, RFC 1994, RFC 2433, RFC 2759, RFC 3748).</summary>
public static class PppAuthentication
{
    public const byte ChapMd5Algorithm = 5;
    public const byte ChapSha1Algorithm = 6;
    public const byte MsChapAlgorithm = 0x80;
    public const byte MsChapV2Algorithm = 0x81;

    /// <summary>The option's value: two octets of protocol, then (CHAP) one octet of algorithm. False when shorter than the protocol.</summary>
    public static bool TryRead(ReadOnlySpan<byte> optionValue, out PppAuthenticationProtocol protocol)
    {
        if (optionValue.Length < 2)
        {
            protocol = default;
            return false;
        }

        ushort number = BinaryPrimitives.ReadUInt16BigEndian(optionValue);
        byte algorithm = number == PppProtocols.Chap && optionValue.Length >= 3 ? optionValue[2] : (byte)0;
        protocol = new PppAuthenticationProtocol(number, algorithm);
        return true;
    }

    /// <summary>"PAP", "CHAP-MD5", "MS-CHAP", "MS-CHAPv2", "EAP", or the protocol's name when unknown; "malformed" when too short.</summary>
    public static string Name(ReadOnlySpan<byte> optionValue) =>
        TryRead(optionValue, out PppAuthenticationProtocol protocol) ? Name(protocol) : "malformed";

    public static string Name(PppAuthenticationProtocol protocol)
    {
        if (protocol.Protocol == PppProtocols.Chap)
        {
            return protocol.Algorithm switch
            {
                ChapMd5Algorithm => "CHAP-MD5",
                ChapSha1Algorithm => "CHAP-SHA1",
                MsChapAlgorithm => "MS-CHAP",
                MsChapV2Algorithm => "MS-CHAPv2",
                _ => "CHAP",
            };
        }

        return protocol.Protocol switch
        {
            PppProtocols.Pap => "PAP",
            PppProtocols.Eap => "EAP",
            _ => PppProtocols.Name(protocol.Protocol),
        };
    }
}

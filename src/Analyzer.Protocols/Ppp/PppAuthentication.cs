using System.Buffers.Binary;

namespace Analyzer.Protocols.Ppp;

/// <summary>Names an LCP Authentication-Protocol option value (RFC 1661 §6.2, RFC 1994, RFC 2433, RFC 2759, RFC 3748).</summary>
public static class PppAuthentication
{
    /// <summary>"PAP", "CHAP-MD5", "MS-CHAP", "MS-CHAPv2", "EAP", or the protocol's name when unknown.</summary>
    public static string Name(ReadOnlySpan<byte> optionValue)
    {
        if (optionValue.Length < 2)
        {
            return "malformed";
        }

        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(optionValue);
        if (protocol == PppProtocols.Chap)
        {
            byte algorithm = optionValue.Length >= 3 ? optionValue[2] : (byte)0;
            return algorithm switch
            {
                5 => "CHAP-MD5",
                6 => "CHAP-SHA1",
                0x80 => "MS-CHAP",
                0x81 => "MS-CHAPv2",
                _ => "CHAP",
            };
        }

        return protocol switch
        {
            PppProtocols.Pap => "PAP",
            PppProtocols.Eap => "EAP",
            _ => PppProtocols.Name(protocol),
        };
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Analyzer.Core;

namespace Analyzer.Protocols.Ppp;

/// <summary>A configure packet's options as one line ("MRU=1400 Authentication-Protocol=MS-CHAPv2 Magic-Number=0x1a2b3c4d").</summary>
public static class PppOptionFormatter
{
    public static string Format(ushort protocol, ReadOnlySpan<byte> options)
    {
        var text = new StringBuilder();
        var reader = new PppOptionReader(options);
        while (reader.TryReadOption(out PppOption option, out _))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(PppOptionNames.Name(protocol, option.Type));
            string? value = FormatValue(protocol, option);
            if (value is not null)
            {
                text.Append('=').Append(value);
            }
        }

        return text.ToString();
    }

    private static string? FormatValue(ushort protocol, PppOption option)
    {
        ReadOnlySpan<byte> value = option.Value;
        if (value.IsEmpty)
        {
            return null;
        }

        switch (protocol)
        {
            case PppProtocols.Lcp when option.Type == PppOptionNames.LcpMru && value.Length == 2:
                return BinaryPrimitives.ReadUInt16BigEndian(value).ToString(CultureInfo.InvariantCulture);
            case PppProtocols.Lcp when option.Type == PppOptionNames.LcpAuthenticationProtocol:
                return PppAuthentication.Name(value);
            case PppProtocols.Lcp when option.Type is PppOptionNames.LcpMagicNumber or PppOptionNames.LcpAccm && value.Length == 4:
                return "0x" + Convert.ToHexStringLower(value);
            case PppProtocols.Ipcp when option.Type is PppOptionNames.IpcpAddress or >= 129 and <= 132 && value.Length == 4:
                return NetAddress.FromV4(value).ToString();
            case PppProtocols.Ccp when option.Type == PppOptionNames.CcpMppe && value.Length == 4:
                return MppeBits(BinaryPrimitives.ReadUInt32BigEndian(value));
            default:
                return PeerText.Hex(value, 32);
        }
    }

    /// <summary>MPPE/MPPC supported bits (RFC 3078 §2.1): H stateless, M 56-bit, S 128-bit, L 40-bit, D obsolete, C MPPC compression.</summary>
    public static string MppeBits(uint bits)
    {
        var names = new List<string>(6);
        if ((bits & 0x01000000) != 0)
        {
            names.Add("stateless");
        }

        if ((bits & 0x40) != 0)
        {
            names.Add("128-bit");
        }

        if ((bits & 0x80) != 0)
        {
            names.Add("56-bit");
        }

        if ((bits & 0x20) != 0)
        {
            names.Add("40-bit");
        }

        if ((bits & 0x01) != 0)
        {
            names.Add("MPPC");
        }

        return names.Count == 0 ? "none" : string.Join(',', names);
    }
}

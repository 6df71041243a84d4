using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Analyzer.Core;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// Stable stand-ins for IP addresses, given in order of first appearance. Relations a reader needs
/// survive: a private address stays private (10.0.0.0/8, fd00::/8), a public one stays public
/// (198.18.0.0/15 onward, 2001:db8::/32), and addresses of one /24 (IPv4) or /64 (IPv6) stay in
/// one pseudonymous network. The IPv4 host octet is kept (gateways stay .1); IPv6 interface ids
/// are renumbered because they may carry a MAC address. Loopback, unspecified and multicast
/// addresses reveal nothing and are kept.
/// </summary>
internal sealed class AddressPseudonyms
{
    private readonly Dictionary<uint, uint> _v4Networks = [];
    private readonly Dictionary<UInt128, UInt128> _v6Networks = [];
    private readonly Dictionary<UInt128, UInt128> _v6Hosts = [];
    private readonly Dictionary<UInt128, int> _v6HostCounters = [];
    private int _privateV4;
    private int _publicV4;
    private int _privateV6;
    private int _publicV6;

    public string Replace(string addressText)
    {
        if (!TryParse(addressText, out NetAddress address))
        {
            return addressText;
        }

        return address.IsV6 ? ReplaceV6(address, addressText) : ReplaceV4((uint)address.Value).ToString();
    }

    private static bool TryParse(string text, out NetAddress address)
    {
        address = default;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (IPAddress.TryParse(text, out IPAddress? ip) && ip.AddressFamily == AddressFamily.InterNetworkV6)
            {
                address = NetAddress.FromIPAddress(ip);
                return true;
            }

            return false;
        }

        // Own dotted-quad parse: IPAddress would read "010.1.1.1" as octal and accept "1.2.3".
        string[] parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        uint value = 0;
        foreach (string part in parts)
        {
            if (part.Length is 0 or > 3 || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out byte octet))
            {
                return false;
            }

            value = (value << 8) | octet;
        }

        address = NetAddress.FromV4(value);
        return true;
    }

    private NetAddress ReplaceV4(uint v4)
    {
        byte first = (byte)(v4 >> 24);
        if (first is 0 or 127 || first >= 224)
        {
            return NetAddress.FromV4(v4);
        }

        uint network = v4 & 0xFFFFFF00;
        if (!_v4Networks.TryGetValue(network, out uint pseudo))
        {
            bool isPrivate = NetAddress.FromV4(v4).IsPrivate;
            pseudo = isPrivate
                ? 0x0A000000u + ((uint)++_privateV4 << 8)
                : 0xC6120000u + ((uint)_publicV4++ << 8);
            _v4Networks[network] = pseudo;
        }

        return NetAddress.FromV4(pseudo | (v4 & 0xFF));
    }

    private string ReplaceV6(NetAddress address, string original)
    {
        UInt128 value = address.Value;
        if (value <= 1 || (value >> 120) == 0xFF)
        {
            return original;
        }

        UInt128 network = value >> 64;
        bool linkLocal = (value >> 118) == 0x3FA;
        if (!_v6Networks.TryGetValue(network, out UInt128 pseudoNetwork))
        {
            pseudoNetwork = linkLocal ? (UInt128)0xFE80UL << 48
                : address.IsPrivate ? ((UInt128)0xFD00UL << 48) | (uint)++_privateV6
                : ((UInt128)0x20010DB8UL << 32) | (uint)++_publicV6;
            _v6Networks[network] = pseudoNetwork;
        }

        if (!_v6Hosts.TryGetValue(value, out UInt128 pseudo))
        {
            int host = _v6HostCounters.GetValueOrDefault(pseudoNetwork) + 1;
            _v6HostCounters[pseudoNetwork] = host;
            pseudo = (pseudoNetwork << 64) | (uint)host;
            _v6Hosts[value] = pseudo;
        }

        return new NetAddress(pseudo, true).ToString();
    }
}

using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// Stand-ins for IP addresses, numbered by first appearance in one report: "ipv4-3",
/// "ipv4-private-1", "ipv6-2", "ipv6-private-1" (ULA), "ipv6-link-1" (link-local). They are words,
/// not addresses, so no pseudonym can ever equal a real address of the capture (a realistic
/// substitute could: the lab itself uses the documentation ranges), and the last-line check can
/// treat every address-looking token left in the output as a leak. Whether an address was private
/// survives, because NAT findings depend on it. Loopback, unspecified, broadcast and multicast
/// addresses reveal nothing and are kept.
/// </summary>
internal sealed class AddressPseudonyms
{
    private readonly Dictionary<NetAddress, string> _known = [];
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    /// <summary>The real addresses given a pseudonym so far.</summary>
    public IEnumerable<NetAddress> Originals => _known.Keys;

    public string Of(NetAddress address)
    {
        if (Reveals(address) is false)
        {
            return address.ToString();
        }

        if (!_known.TryGetValue(address, out string? pseudonym))
        {
            string series = Series(address);
            int next = _counters.GetValueOrDefault(series) + 1;
            _counters[series] = next;
            pseudonym = series + "-" + next.ToString(CultureInfo.InvariantCulture);
            _known[address] = pseudonym;
        }

        return pseudonym;
    }

    /// <summary>False for the addresses that name no host: unspecified, loopback, multicast, broadcast.</summary>
    public static bool Reveals(NetAddress address)
    {
        if (address.IsV6)
        {
            UInt128 value = address.Value;
            return value > 1 && (value >> 120) != 0xFF;
        }

        uint v4 = (uint)address.Value;
        byte first = (byte)(v4 >> 24);
        return first is not (0 or 127) && first < 224;
    }

    private static string Series(NetAddress address)
    {
        if (!address.IsV6)
        {
            return address.IsPrivate ? "ipv4-private" : "ipv4";
        }

        return (address.Value >> 118) == 0x3FA ? "ipv6-link"
            : address.IsPrivate ? "ipv6-private"
            : "ipv6";
    }
}

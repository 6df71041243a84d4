namespace Analyzer.Protocols.Traffic;

/// <summary>
/// Which well-known port decides a UDP or TCP packet's protocol. Wireshark tries the lower of the
/// two ports first, so a DNS reply to a client that happened to use source port 4500 is DNS, not
/// ESP. To count ESP exactly as tshark does, the ports below our VPN ports that tshark 4.0 assigns
/// a dissector to (<c>tshark -G decodes</c>, udp.port and tcp.port) are listed here as facts.
/// </summary>
internal static class PortClaims
{
    private static readonly ulong[] UdpClaimed = Bitmap(
    [
        7, 13, 19, 37, 49, 53, 67, 68, 69, 88, 111, 123, 137, 138, 161, 162, 173, 177, 213, 269, 319, 320, 389, 427,
        434, 464, 473, 496, 502, 513, 514, 520, 521, 524, 525, 539, 546, 547, 573, 623, 631, 646, 654, 664, 698, 699,
        701, 750, 853, 854, 910, 921, 925, 1001, 1044, 1052, 1069, 1089, 1090, 1091, 1101, 1113, 1153, 1194, 1293,
        1547, 1628, 1629, 1645, 1646, 1700, 1718, 1719, 1745, 1755, 1812, 1813, 1900, 1985, 2029, 2048, 2055, 2067,
        2099, 2123, 2152, 2157, 2190, 2221, 2222, 2231, 2246, 2268, 2269, 2313, 2345, 2424, 2427, 2428, 2727, 2887,
        2944, 2945, 2948, 2949, 2960, 3000, 3121, 3130, 3205, 3222, 3250, 3333, 3343, 3357, 3386, 3389, 3452, 3455,
        3478, 3483, 3503, 3540, 3544, 3567, 3622, 3671, 3784, 3785, 3792, 3799, 3804, 3819, 3863, 3956, 4000, 4011,
        4058, 4305, 4306, 4307, 4341, 4342,
    ]);

    private static readonly ulong[] TcpClaimed = Bitmap(
    [
        7, 13, 19, 20, 21, 22, 23, 25, 37, 42, 43, 49, 53, 70, 79, 80, 88, 102, 104, 110, 111, 119, 123, 139, 143, 161,
        162, 179, 199, 210, 323, 324, 389, 427, 443, 445, 464, 465, 473, 502, 512, 513, 514, 515, 524, 547, 548,
        554, 564, 587, 631, 636, 639, 646, 647, 674, 705, 802, 829, 853, 854, 862, 873, 925, 988, 993, 995, 1080, 1090,
        1099, 1102, 1153, 1194, 1213, 1300, 1344, 1433, 1521, 1533, 1547,
    ]);

    /// <summary>The VPN port that decides this UDP packet, or 0 when another protocol's port (or none of ours) does.</summary>
    public static ushort DecidingUdpPort(ushort source, ushort destination) =>
        DecideUdp(source, destination, out bool contested) is ushort port && !contested ? port : (ushort)0;

    /// <summary>
    /// The VPN port of this UDP packet, or 0. <paramref name="contested"/> is set when the other,
    /// lower port belongs to a protocol Wireshark tries first: then the packet is VPN traffic only if
    /// its payload has the VPN protocol's structure, as Wireshark's other dissector would reject it.
    /// A NAT commonly maps source port 500 to another port below 512 (Linux maps privileged ports
    /// into 1-511), so IKE from port 177 or 53 happens.
    /// </summary>
    public static ushort DecideUdp(ushort source, ushort destination, out bool contested)
    {
        contested = false;
        ushort low = Math.Min(source, destination);
        ushort high = Math.Max(source, destination);
        if (low != 0)
        {
            if (low is VpnPorts.Isakmp or VpnPorts.NatTraversal or VpnPorts.L2tp)
            {
                return low;
            }

            contested = IsSet(UdpClaimed, low);
        }

        return high is VpnPorts.Isakmp or VpnPorts.NatTraversal or VpnPorts.L2tp ? high : (ushort)0;
    }

    /// <summary>True when this TCP segment belongs to PPTP's control connection by Wireshark's lower-port-first rule.</summary>
    public static bool IsPptpControl(ushort source, ushort destination)
    {
        ushort low = Math.Min(source, destination);
        ushort high = Math.Max(source, destination);
        if (low == VpnPorts.Pptp)
        {
            return true;
        }

        return high == VpnPorts.Pptp && (low == 0 || !IsSet(TcpClaimed, low));
    }

    private static bool IsSet(ulong[] bitmap, ushort port) => (bitmap[port >> 6] & (1UL << (port & 63))) != 0;

    private static ulong[] Bitmap(ushort[] ports)
    {
        var bitmap = new ulong[65536 / 64];
        foreach (ushort port in ports)
        {
            bitmap[port >> 6] |= 1UL << (port & 63);
        }

        return bitmap;
    }
}

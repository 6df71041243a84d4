using System.Collections.Concurrent;
using System.Globalization;
using Analyzer.Testing;

namespace Analyzer.Capture.Tests.Samples;

/// <summary>
/// The frames of a lab capture as tshark dissects them (through the shared harness, which runs it
/// once per capture and preferences); a missing tshark skips the calling test.
/// </summary>
internal static class TsharkPackets
{
    private static readonly string[] Fields =
    [
        "frame.number", "frame.time_relative", "ip.src", "ip.dst", "ip.proto", "udp.srcport", "udp.dstport",
        "ip.flags.mf", "ip.frag_offset", "isakmp.ispi", "isakmp.rspi", "isakmp.exchangetype", "isakmp.flags",
        "isakmp.typepayload", "isakmp.notify.msgtype", "esp.spi", "l2tp.avp.message_type",
        "isakmp.ike.attr.encryption_algorithm", "isakmp.ike.attr.hash_algorithm",
        "isakmp.ike.attr.group_description", "isakmp.ike.nat_hash", "isakmp.id.data.fqdn",
        "isakmp.id.data.user_fqdn", "_ws.malformed", "l2tp.tunnel",
    ];

    private static readonly ConcurrentDictionary<string, IReadOnlyList<CapturedPacket>> Parsed = new(StringComparer.Ordinal);

    public static IReadOnlyList<CapturedPacket> Read(string pcap, params string[] preferences)
    {
        string key = pcap + "|" + string.Join("|", preferences);
        return Parsed.GetOrAdd(key, _ => Parse(Tshark.Run(pcap, Arguments(preferences))));
    }

    private static List<string> Arguments(string[] preferences)
    {
        var arguments = new List<string> { "-n", "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=," };
        foreach (string preference in preferences)
        {
            arguments.Add("-o");
            arguments.Add(preference);
        }

        foreach (string field in Fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        return arguments;
    }

    private static List<CapturedPacket> Parse(string output)
    {
        var packets = new List<CapturedPacket>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.TrimEnd('\r').Split('|');
            if (f.Length < Fields.Length)
            {
                continue;
            }

            packets.Add(new CapturedPacket(
                Number: Integer(f[0]),
                Time: double.Parse(First(f[1]), CultureInfo.InvariantCulture),
                Source: First(f[2]),
                Destination: First(f[3]),
                IpProtocol: Integer(f[4]),
                SourcePort: Integer(f[5]),
                DestinationPort: Integer(f[6]),
                MoreFragments: First(f[7]) is "1" or "True",
                FragmentOffset: Integer(f[8]),
                InitiatorCookie: First(f[9]),
                ResponderCookie: First(f[10]),
                ExchangeType: f[11].Length == 0 ? -1 : Integer(f[11]),
                IsakmpFlags: Integer(f[12]),
                Payloads: Integers(f[13]),
                Notifies: Integers(f[14]),
                EspSpi: First(f[15]),
                L2tpMessageTypes: Integers(f[16]),
                EncryptionAlgorithms: Integers(f[17]),
                HashAlgorithms: Integers(f[18]),
                DhGroups: Integers(f[19]),
                NatDetectionHashes: f[20].Length == 0 ? [] : f[20].Split(','),
                Identity: f[21].Length > 0 ? First(f[21]) : First(f[22]),
                Malformed: f[23].Length > 0,
                L2tpTunnel: First(f[24])));
        }

        return packets;
    }

    private static string First(string field)
    {
        int comma = field.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? field : field[..comma];
    }

    private static int Integer(string field)
    {
        string value = First(field);
        if (value.Length == 0)
        {
            return 0;
        }

        return value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.Parse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : int.Parse(value, CultureInfo.InvariantCulture);
    }

    private static List<int> Integers(string field) =>
        field.Length == 0 ? [] : [.. field.Split(',').Select(Integer)];
}

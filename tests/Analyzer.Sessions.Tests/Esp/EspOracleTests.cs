using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Esp;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>Per-SPI ESP and AH packet counts equal tshark's on every public and sample capture.</summary>
public sealed class EspOracleTests
{
    public static TheoryData<string> Captures => CaptureCorpus.All();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Packets_per_SPI_equal_tshark(string capture)
    {
        string path = CaptureCorpus.Resolve(capture);
        Dictionary<(string Protocol, uint Spi), long> expected = TsharkCounts(path);

        CaptureModel model = DecodedCapture.Shared(path);
        var actual = new Dictionary<(string Protocol, uint Spi), long>();
        foreach (EspFlow flow in model.EspFlows)
        {
            var key = (flow.Encapsulation == EspEncapsulation.Ah ? "ah" : "esp", flow.Spi);
            actual[key] = actual.GetValueOrDefault(key) + flow.Packets;
        }

        Assert.Equal(expected.OrderBy(p => p.Key).ToList(), actual.OrderBy(p => p.Key).ToList());
    }

    internal static Dictionary<(string Protocol, uint Spi), long> TsharkCounts(string path)
    {
        string output = Tshark.Run(path, ["-n", "-Y", "(esp || ah) && !(icmp.type == 3 || icmp.type == 4 || icmp.type == 5 || icmp.type == 11 || icmp.type == 12) && !(icmpv6.type <= 4)", "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,", "-e", "esp.spi", "-e", "ah.spi"]);
        var counts = new Dictionary<(string, uint), long>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split('\t');
            Add(counts, "esp", fields[0]);
            Add(counts, "ah", fields.Length > 1 ? fields[1] : string.Empty);
        }

        return counts;
    }

    private static void Add(Dictionary<(string, uint), long> counts, string protocol, string field)
    {
        // Only the first occurrence: an ESP header inside a decrypted or tunnelled packet is not a second packet.
        string first = field.Split(',')[0].Trim();
        if (first.Length == 0)
        {
            return;
        }

        uint spi = first.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.Parse(first.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : uint.Parse(first, CultureInfo.InvariantCulture);
        counts[(protocol, spi)] = counts.GetValueOrDefault((protocol, spi)) + 1;
    }
}

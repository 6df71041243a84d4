using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Keys;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// With the ikev2_decryption_table the lab wrote beside each IKEv2 capture, the payloads vpndiag
/// reads inside each decrypted message (SK, and SKF once reassembled) equal tshark's with the same table.
/// </summary>
public sealed class Ikev2DecryptionOracleTests
{
    public static TheoryData<string> Captures() => LabKeyTables.Captures("ikev2_decryption_table", "(no sample capture with an ikev2_decryption_table)");

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(Captures))]
    public void Payloads_of_decrypted_ikev2_messages_equal_tsharks_with_the_same_table(string capture)
    {
        string path = LabKeyTables.PathOf(capture, "(no sample capture with an ikev2_decryption_table)");

        var arguments = new List<string> { "-n" };
        arguments.AddRange(LabKeyTables.Ikev2Options(path));

        arguments.AddRange(["-Y", "isakmp.version == 0x20 && isakmp.typepayload == 46 && !icmp", "-T", "fields", "-e", "frame.number", "-e", "isakmp.typepayload"]);
        var expected = new Dictionary<long, string>();
        foreach (string line in Tshark.Run(path, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            // tshark lists the SK payload, then the inner payloads with the SA's proposals (2) and transforms (3) nested in.
            int[] types = [.. f[1].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
            int sk = Array.IndexOf(types, 46);
            var inner = types.Skip(sk + 1).Where(t => t is not (2 or 3)).Select(t => PayloadNames.Name((PayloadType)t));
            expected[long.Parse(f[0], CultureInfo.InvariantCulture)] = string.Join(", ", inner);
        }

        var keys = new KeyStore();
        using (StreamReader reader = File.OpenText(Path.Combine(Path.GetDirectoryName(path)!, "ikev2_decryption_table")))
        {
            Ikev2DecryptionTable.Read(reader, "ikev2_decryption_table", keys);
        }

        CaptureModel model = DecodedCapture.Reconstruct(path, keys);
        var actual = model.IkeSas.Where(sa => sa.Version == 2).SelectMany(sa => sa.Messages)
            .Where(m => m.Decrypted && expected.ContainsKey(m.Frame.Frame))
            .ToDictionary(m => m.Frame.Frame, m => string.Join(", ", m.Payloads.Select(PayloadNames.Name)));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }
}

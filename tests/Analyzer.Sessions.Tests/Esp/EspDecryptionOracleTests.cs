using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Keys;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.L2tp;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>
/// With the keys the lab wrote beside each capture (Wireshark's esp_sa), the L2TP control messages
/// vpndiag finds inside ESP equal those tshark decrypts with the same table, capture by capture;
/// and ESP decryption holds up on damaged paths (the ICV catches every flipped bit).
/// </summary>
public sealed class EspDecryptionOracleTests
{
    public static TheoryData<string> CapturesWithKeys() => LabKeyTables.Captures("esp_sa", "(no sample capture with an esp_sa table)");

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(CapturesWithKeys))]
    public void L2tp_messages_decrypted_from_esp_equal_tsharks_with_the_same_esp_sa_table(string capture)
    {
        string path = LabKeyTables.PathOf(capture, "(no sample capture with an esp_sa table)");

        var arguments = new List<string> { "-n", "-o", "esp.enable_encryption_decode:TRUE" };
        arguments.AddRange(LabKeyTables.EspSaOptions(path));

        // tshark shows the contents of packets whose ICV failed (tshark 4.0 checks no HMAC-SHA-256 ICV: the flipped
        // bits of corrupting-link show only as malformed L2TP); vpndiag does not decode them (they are evidence of damage).
        arguments.AddRange(["-o", "esp.enable_authentication_check:TRUE", "-Y", "esp && !(esp.icv_bad == 1) && !_ws.malformed && l2tp.type == 1 && !icmp", "-T", "fields", "-E", "occurrence=f", "-e", "frame.number", "-e", "l2tp.avp.message_type", "-e", "l2tp.Ns", "-e", "l2tp.Nr", "-e", "esp.spi"]);
        var expected = Tshark.Run(path, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .Select(f => string.Join(' ', f[0], f[1].Length > 0 ? f[1] : "none", f[2], f[3], Convert.ToUInt32(f[4], 16).ToString(CultureInfo.InvariantCulture)))
            .ToList();

        CaptureModel model = Decode(path, Path.Combine(Path.GetDirectoryName(path)!, "esp_sa"));
        var actual = model.L2tpTunnels.SelectMany(t => t.ControlMessages)
            .Where(m => m.DecryptedFromSpi is not null)
            .OrderBy(m => m.Frame.Frame)
            .Select(m => string.Join(' ', m.Frame.Frame.ToString(CultureInfo.InvariantCulture),
                m.IsZlb ? "none" : ((int?)m.MessageType ?? ushort.MaxValue).ToString(CultureInfo.InvariantCulture),
                m.Ns.ToString(CultureInfo.InvariantCulture), m.Nr.ToString(CultureInfo.InvariantCulture),
                m.DecryptedFromSpi!.Value.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(expected, actual);
        Assert.All(model.L2tpTunnels.Where(t => t.ControlMessages.All(m => m.DecryptedFromSpi is not null)), t => Assert.False(t.InClearText));
    }

    [Fact]
    public void Every_esp_packet_of_a_healthy_run_decrypts_and_names_the_key_file_only()
    {
        string directory = Path.Combine(RepoPaths.Samples, "captures", "healthy-psk");
        if (!File.Exists(Path.Combine(directory, "esp_sa")))
        {
            Assert.Skip("samples/captures/healthy-psk with esp_sa is not present");
        }

        CaptureModel model = Decode(Path.Combine(directory, "server.pcap"), Path.Combine(directory, "esp_sa"));
        Assert.NotEmpty(model.EspFlows);
        Assert.All(model.EspFlows, flow =>
        {
            Assert.Equal(flow.Packets, flow.DecryptedPackets);
            Assert.Equal(0, flow.IcvMismatches + flow.BadPadding + flow.NotDecrypted);
            Assert.Equal("esp_sa", flow.KeyOrigin);
            Assert.Equal("AES-CBC-256/HMAC-SHA2-256-128", EspAlgorithms.Name(flow.DecryptedWith!.Value));
        });
    }

    [Fact]
    public void A_bit_flipped_between_the_vantage_points_is_an_icv_mismatch_only_downstream_of_the_fault()
    {
        // corrupting-link: a faulty switch in the server's cable flips one bit in every 4th ESP frame.
        string directory = Path.Combine(RepoPaths.Samples, "captures", "corrupting-link");
        if (!File.Exists(Path.Combine(directory, "esp_sa")))
        {
            Assert.Skip("samples/captures/corrupting-link with esp_sa is not present");
        }

        string table = Path.Combine(directory, "esp_sa");
        CaptureModel client = Decode(Path.Combine(directory, "client.pcap"), table);
        CaptureModel server = Decode(Path.Combine(directory, "server.pcap"), table);
        long clientToServerAtClient = client.EspFlows.Where(f => f.Source.Address == NetAddress.Parse("198.51.100.20")).Sum(f => f.IcvMismatches);
        long clientToServerAtServer = server.EspFlows.Where(f => f.Source.Address == NetAddress.Parse("198.51.100.20")).Sum(f => f.IcvMismatches);
        long serverToClientAtServer = server.EspFlows.Where(f => f.Destination.Address == NetAddress.Parse("198.51.100.20")).Sum(f => f.IcvMismatches);
        long serverToClientAtClient = client.EspFlows.Where(f => f.Destination.Address == NetAddress.Parse("198.51.100.20")).Sum(f => f.IcvMismatches);
        // What each side sent is intact where it was captured, and damaged where it arrived.
        Assert.Equal(0, clientToServerAtClient);
        Assert.Equal(0, serverToClientAtServer);
        Assert.True(clientToServerAtServer + serverToClientAtClient > 0, "the flipped bits must show as ICV mismatches at the receiving side");
    }

    internal static CaptureModel Decode(string capture, string table)
    {
        var keys = new KeyStore();
        using (StreamReader reader = File.OpenText(table))
        {
            EspSaTable.Read(reader, "esp_sa", keys);
        }

        return DecodedCapture.Reconstruct(capture, keys);
    }
}

using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Correlation.Paths;
using Analyzer.Sessions;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Paths;

/// <summary>
/// The healthy lab pair with the far capture edited in the test's temp directory, so each failure
/// has a known answer: packets removed from one side are what the path lost; an address rewritten
/// in one side is what a NAT would have done.
/// </summary>
public class EditedCaptureTests
{
    private const string ClientAddress = "198.51.100.20";

    [Fact]
    public void Esp_missing_at_the_server_is_lost_from_client_to_server_only()
    {
        string client = LabCaptures.Pcap("healthy-psk", "client");
        using var temp = new TempDirectory();
        string server = Filtered(LabCaptures.Pcap("healthy-psk", "server"), temp, $"!(esp && ip.src == {ClientAddress})");

        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server)));

        PathDirection lost = path.Directions.Single(d => d is { From: "client", To: "server", Protocol: "esp" });
        Assert.True(lost.Sent > 0);
        Assert.Equal(lost.Sent, lost.Lost);
        Assert.Equal(0, lost.Received);
        Assert.All(lost.LostFrames, f => Assert.Equal(0, f.InputIndex));
        Assert.All(path.Directions.Where(d => d != lost), d => Assert.Equal(0, d.Lost));
        Assert.Equal(0, path.ClockOffsetSeconds!.Value, 0.001);
    }

    [Fact]
    public void Server_capture_without_any_of_the_clients_packets_still_names_the_lost_direction()
    {
        // Nothing shared: no cookie ties the captures, only the time span and the client's own TTLs.
        string client = LabCaptures.Pcap("healthy-psk", "client");
        using var temp = new TempDirectory();
        string server = Filtered(LabCaptures.Pcap("healthy-psk", "server"), temp, $"!(ip.addr == {ClientAddress})");

        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server)));

        Assert.Equal(["client", "server"], path.Captures.Select(c => c.Role));
        Assert.Equal([0, 1], path.Captures.Select(c => c.InputIndex));
        PathDirection ike = path.Directions.Single(d => d is { From: "client", To: "server", Protocol: "udp500" });
        Assert.True(ike.Sent > 0);
        Assert.Equal(ike.Sent, ike.Lost);
        Assert.All(path.Directions, d => Assert.Equal("client", d.From));
        Assert.Null(path.ClockOffsetSeconds);
    }

    [Fact]
    public void Ike_replies_missing_at_the_client_are_lost_from_server_to_client()
    {
        using var temp = new TempDirectory();
        string client = Filtered(LabCaptures.Pcap("healthy-psk", "client"), temp, $"!(udp.port == 500 && ip.dst == {ClientAddress})");
        string server = LabCaptures.Pcap("healthy-psk", "server");

        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server)));

        PathDirection lost = path.Directions.Single(d => d is { From: "server", To: "client", Protocol: "udp500" });
        Assert.True(lost.Lost > 0);
        Assert.Equal(lost.Sent, lost.Lost);
        Assert.All(lost.LostFrames, f => Assert.Equal(1, f.InputIndex));
        Assert.All(path.Directions.Where(d => d != lost), d => Assert.Equal(0, d.Lost));
    }

    [Fact]
    public void Client_address_rewritten_between_the_captures_is_named_as_a_nat_mapping()
    {
        string client = LabCaptures.Pcap("healthy-psk", "client");
        using var temp = new TempDirectory();
        string server = Path.Combine(temp.Path, "server.pcap");
        byte[] file = File.ReadAllBytes(LabCaptures.Pcap("healthy-psk", "server"));
        byte[] inside = [198, 51, 100, 20];
        byte[] outside = [203, 0, 113, 99];
        for (int at = file.AsSpan().IndexOf(inside); at >= 0; at = Next(file, inside, at))
        {
            outside.CopyTo(file, at);
        }

        File.WriteAllBytes(server, file);

        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server)));

        Assert.Contains(new NatTranslation("udp500", Endpoint(ClientAddress, 500), Endpoint("203.0.113.99", 500), null), path.Translations);
        Assert.Contains(new NatTranslation("udp4500", Endpoint(ClientAddress, 4500), Endpoint("203.0.113.99", 4500), null), path.Translations);
        Assert.All(path.Translations, t => Assert.Equal(NetAddress.Parse(ClientAddress), t.Inside.Address));
        Assert.All(path.Directions, d => Assert.Equal(0, d.Lost));
        Assert.Equal("client", path.Captures.Single(c => c.InputIndex == 0).Role);
    }

    [Fact]
    public void Capture_one_router_nearer_the_client_than_the_server_is_between()
    {
        // The server capture with every TTL moved one hop towards the client: what the Internet router would see.
        string client = LabCaptures.Pcap("natt-udp4500-blocked", "client");
        string server = LabCaptures.Pcap("natt-udp4500-blocked", "server");
        using var temp = new TempDirectory();
        string between = Path.Combine(temp.Path, "router.pcap");
        File.WriteAllBytes(between, OneHopNearerTheClient(File.ReadAllBytes(server), NetAddress.Parse("203.0.113.10")));

        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server, between)));

        Assert.Equal([(0, "client"), (2, "between"), (1, "server")], path.Captures.Select(c => (c.InputIndex, c.Role)));
        PathDirection lost = Assert.Single(path.Directions, d => d.Lost > 0);
        Assert.Equal(("client", "server", "udp4500"), (lost.From, lost.To, lost.Protocol));
    }

    /// <summary>Classic little-endian pcap over Ethernet: IPv4 TTL one lower for the server's packets, one higher for the rest.</summary>
    private static byte[] OneHopNearerTheClient(byte[] pcap, NetAddress server)
    {
        Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(pcap));
        byte[] copy = (byte[])pcap.Clone();
        int at = 24;
        while (at + 16 <= copy.Length)
        {
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(at + 8));
            Span<byte> frame = copy.AsSpan(at + 16, length);
            if (frame.Length >= 34 && BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) == 0x0800)
            {
                bool fromServer = NetAddress.FromV4(frame.Slice(26, 4)) == server;
                frame[22] = (byte)(frame[22] + (fromServer ? -1 : 1));
            }

            at += 16 + length;
        }

        return copy;
    }

    private static int Next(byte[] file, byte[] pattern, int after)
    {
        int next = file.AsSpan(after + 1).IndexOf(pattern);
        return next < 0 ? -1 : after + 1 + next;
    }

    private static NetEndpoint Endpoint(string address, ushort port) => new(NetAddress.Parse(address), port);

    private static string Filtered(string pcap, TempDirectory temp, string keep)
    {
        string output = Path.Combine(temp.Path, Path.GetFileName(pcap));
        Tshark.Run(pcap, ["-Y", keep, "-F", "pcap", "-w", output]);
        return output;
    }
}

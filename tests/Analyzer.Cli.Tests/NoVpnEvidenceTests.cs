using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using System.Text.Json;
using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Testing;
using PacketDotNet;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Inputs that hold no VPN evidence at all (a capture of DNS and web traffic, a Windows log without
/// one IPsec, IKE, RAS or NPS event) get the warning "No VPN evidence in these inputs" and exit 1,
/// never "No problem found" with exit 0: the wrong file must be noticed, not read as a healthy VPN.
/// </summary>
public sealed class NoVpnEvidenceTests
{
    [Fact]
    public void A_capture_of_dns_and_http_only_says_it_holds_no_vpn_evidence_and_exits_1()
    {
        string folder = Path.Combine(Path.GetTempPath(), "vpndiag-novpn-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string capture = Path.Combine(folder, "dns-http.pcap");
            WriteDnsAndHttp(capture);
            (int exit, string output, string error) = CliRunner.Run("analyze", capture, "--format", "json", "-q");
            Assert.Equal(1, exit);
            JsonElement verdict = JsonDocument.Parse(output).RootElement.GetProperty("verdict");
            Assert.Equal("warning", verdict.GetProperty("severity").GetString());
            Assert.Equal("No VPN evidence in these inputs", verdict.GetProperty("title").GetString());
            Assert.Contains("1 capture(s) with 4 packet(s), none of them IKE, ESP, L2TP or PPTP", verdict.GetProperty("sentence").GetString(), StringComparison.Ordinal);
            Assert.True(error.Length == 0 || !error.Contains("   at ", StringComparison.Ordinal), error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_windows_system_log_without_vpn_events_says_it_holds_no_vpn_evidence_and_exits_1()
    {
        string log = Path.Combine(RepoPaths.RequireShared("evtx"), "omerbenamram-evtx", "system.evtx");
        if (!File.Exists(log))
        {
            Assert.Skip("../shared/evtx/omerbenamram-evtx/system.evtx is not present");
        }

        (int exit, string output, _) = CliRunner.Run("analyze", log, "--format", "json", "-q");
        Assert.Equal(1, exit);
        JsonElement verdict = JsonDocument.Parse(output).RootElement.GetProperty("verdict");
        Assert.Equal("No VPN evidence in these inputs", verdict.GetProperty("title").GetString());
        Assert.Contains("none of them an event or line about a VPN connection", verdict.GetProperty("sentence").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vpn_capture_keeps_its_own_verdict()
    {
        (int exit, string output, _) = CliRunner.Run("analyze", SampleScenarios.PathOf("healthy-psk") + "/client.pcap", "--format", "json", "-q");
        Assert.True(exit is 0 or 1);
        Assert.NotEqual("No VPN evidence in these inputs", JsonDocument.Parse(output).RootElement.GetProperty("verdict").GetProperty("title").GetString());
    }

    /// <summary>Constructed (PacketDotNet): a DNS query and answer and one HTTP request and reply between documentation addresses.</summary>
    private static void WriteDnsAndHttp(string path)
    {
        var client = IPAddress.Parse("192.0.2.10");
        var server = IPAddress.Parse("198.51.100.53");
        var web = IPAddress.Parse("203.0.113.80");
        var time = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), 0);
        using var writer = new PcapWriter(File.Create(path), LinkType.Ethernet);
        writer.WritePacket(time, Udp(client, server, 53000, 53, Encoding.ASCII.GetBytes("\u0012\u0034\u0001\u0000\u0000\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0003www\u0007example\u0003com\u0000\u0000\u0001\u0000\u0001")));
        writer.WritePacket(time.AddSeconds(0.01), Udp(server, client, 53, 53000, Encoding.ASCII.GetBytes("\u0012\u0034\u0081\u0080\u0000\u0001\u0000\u0000\u0000\u0000\u0000\u0000")));
        writer.WritePacket(time.AddSeconds(0.02), Tcp(client, web, 40000, 80, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n")));
        writer.WritePacket(time.AddSeconds(0.05), Tcp(web, client, 80, 40000, Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")));
    }

    private static byte[] Udp(IPAddress from, IPAddress to, ushort sourcePort, ushort destinationPort, byte[] payload)
    {
        var udp = new UdpPacket(sourcePort, destinationPort) { PayloadData = payload };
        var ip = new IPv4Packet(from, to) { PayloadPacket = udp };
        ip.UpdateCalculatedValues();
        udp.UpdateUdpChecksum();
        ip.UpdateIPChecksum();
        return Ethernet(ip);
    }

    private static byte[] Tcp(IPAddress from, IPAddress to, ushort sourcePort, ushort destinationPort, byte[] payload)
    {
        var tcp = new TcpPacket(sourcePort, destinationPort) { PayloadData = payload, Push = true, Acknowledgment = true };
        var ip = new IPv4Packet(from, to) { PayloadPacket = tcp };
        ip.UpdateCalculatedValues();
        tcp.UpdateTcpChecksum();
        ip.UpdateIPChecksum();
        return Ethernet(ip);
    }

    private static byte[] Ethernet(IPv4Packet ip) =>
        new EthernetPacket(PhysicalAddress.Parse("02-00-00-00-00-01"), PhysicalAddress.Parse("02-00-00-00-00-02"), EthernetType.IPv4) { PayloadPacket = ip }.Bytes;
}

using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Analyzer.Capture.Tests.Samples;

/// <summary>The converted "*-kernel" captures look like a kernel IPsec stack without NAT.</summary>
[Trait("Category", "Slow")]
public sealed class KernelVariantTests
{
    public static TheoryData<string> KernelCaptures => new(LabScenario.AllNames()
        .Where(name => name.EndsWith("-kernel", StringComparison.Ordinal))
        .SelectMany(name => new[] { name + "/server.pcap", name + "/client.pcap" }));

    [Fact]
    public void Converted_variants_exist_for_a_healthy_and_a_dropped_ESP_scenario()
    {
        string[] names = [.. LabScenario.AllNames()];
        Assert.Contains("healthy-psk-kernel", names);
        Assert.Contains("esp-dropped-one-way-kernel", names);
    }

    [Theory]
    [MemberData(nameof(KernelCaptures))]
    public void Converted_capture_has_raw_ESP_and_no_UDP_4500(string capture)
    {
        IReadOnlyList<CapturedPacket> packets = TsharkPackets.Read(Path.Combine(LabScenario.CapturesRoot, capture));
        Assert.DoesNotContain(packets, p => p.SourcePort == 4500 || p.DestinationPort == 4500);
        Assert.All(packets.Where(p => p.IsEsp), p => Assert.Equal(50, p.IpProtocol));
        Assert.All(packets.Where(p => p.IsIsakmp), p => Assert.True(p.SourcePort == 500 && p.DestinationPort == 500));
    }

    [Theory]
    [MemberData(nameof(KernelCaptures))]
    public void Converted_NAT_D_hashes_say_no_NAT(string capture)
    {
        // RFC 3947 §3: HASH(CKY-I | CKY-R | IP | Port); the first NAT-D names the destination, the
        // rest the source. The hash algorithm is the one whose output length the payload has.
        CapturedPacket[] withNatD = [.. TsharkPackets.Read(Path.Combine(LabScenario.CapturesRoot, capture)).Where(p => p.NatDetectionHashes.Count > 0)];
        Assert.NotEmpty(withNatD);
        foreach (CapturedPacket packet in withNatD)
        {
            Assert.Equal(NatDetectionHash(packet, packet.Destination, packet.NatDetectionHashes[0]), packet.NatDetectionHashes[0]);
            foreach (string local in packet.NatDetectionHashes.Skip(1))
            {
                Assert.Equal(NatDetectionHash(packet, packet.Source, local), local);
            }
        }
    }

    [Fact]
    public void Original_capture_NAT_D_hashes_do_not_all_say_no_NAT()
    {
        // The converter has work to do: kernel-libipsec fakes one hash so that NAT-T is used.
        CapturedPacket[] withNatD = [.. LabScenario.Named("healthy-psk").Client.Where(p => p.NatDetectionHashes.Count > 1)];
        Assert.NotEmpty(withNatD);
        Assert.Contains(withNatD, p => NatDetectionHash(p, p.Source, p.NatDetectionHashes[1]) != p.NatDetectionHashes[1]);
    }

    private static string NatDetectionHash(CapturedPacket packet, string address, string like)
    {
        Span<byte> input = stackalloc byte[22];
        Convert.FromHexString(packet.InitiatorCookie).CopyTo(input);
        Convert.FromHexString(packet.ResponderCookie).CopyTo(input[8..]);
        IPAddress.Parse(address).GetAddressBytes().CopyTo(input[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(input[20..], 500);
        // The peers negotiated the algorithm; the test must reproduce it, weak or not.
#pragma warning disable CA5350, CA5351
        byte[] hash = (like.Length / 2) switch
        {
            20 => SHA1.HashData(input),
            32 => SHA256.HashData(input),
            48 => SHA384.HashData(input),
            64 => SHA512.HashData(input),
            _ => MD5.HashData(input),
        };
#pragma warning restore CA5350, CA5351
        return Convert.ToHexStringLower(hash);
    }
}

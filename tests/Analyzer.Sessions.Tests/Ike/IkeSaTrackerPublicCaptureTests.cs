using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>Reconstruction of the public captures in ../shared/captures (IKEv2, fragments, fuzz files).</summary>
public sealed class IkeSaTrackerPublicCaptureTests
{
    private static CaptureModel Shared(string relative)
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), relative);
        if (!File.Exists(path))
        {
            Assert.Skip("../shared/captures/" + relative + " is absent");
        }

        return DecodedCapture.Reconstruct(path);
    }

    [Fact]
    public void Ikev2_sa_whose_ike_auth_was_answered_is_established()
    {
        CaptureModel model = Shared("nDPI/esp.pcapng");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(2, sa.Version);
        Assert.Equal(IkeExchangeKind.IkeSaInit, sa.Phase1);
        Assert.Equal(IkeSaState.Established, sa.State);
        Assert.NotNull(sa.Chosen);
        Assert.True(sa.Nat.InitiatorSupportsNatT);
        Assert.True(sa.Nat.HashesVerified);
    }

    [Fact]
    public void Ikev2_encrypted_fragments_are_grouped_per_message()
    {
        CaptureModel model = Shared("suricata-verify/detect-bypass-udp__input.pcap");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.NotEmpty(sa.FragmentedMessages);
        Assert.All(sa.FragmentedMessages, f => Assert.NotNull(f.Total));
        Assert.Contains(sa.FragmentedMessages, f => f.Complete && f.Total > 1);

        // Every frame of this capture appears twice: the copies are retransmissions, not new messages.
        Assert.Equal(sa.Messages.Count / 2, sa.Messages.Count(m => !m.Retransmission));
    }

    [Fact]
    public void Main_mode_from_a_public_capture_names_cisco_unity_and_the_draft_nat_t_version()
    {
        CaptureModel model = Shared("tcpdump/ISAKMP_sa_setup.pcap");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Contains(sa.VendorIds, v => v.Name == "CISCO-UNITY (1.0)");
        Assert.Equal("draft-ietf-ipsec-nat-t-ike-07", sa.Nat.NatTVersion);
        Assert.Equal(ExchangeState.Completed, sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode).State);
    }

    [Fact]
    public void Ikev2_init_offering_weak_groups_lists_them()
    {
        CaptureModel model = Shared("suricata-verify/IKEv2_SA_INIT_2-8-weak.pcap");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Contains(sa.Proposals.SelectMany(p => p.WeakAlgorithms), w => w.Value.Name == "modp1024");
    }

    [Fact]
    public void Damaged_payload_lengths_become_anomalies_with_offsets_not_exceptions()
    {
        CaptureModel model = Shared("zeek-spicy-ipsec/ipsec-ikev1-payload-bad-length.pcap");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Contains(sa.Anomalies, a => a.Kind == IkeAnomalyKind.MalformedPayload && a.Detail.Contains("offset 0x", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tcpdump/isakmp-delete-segfault.pcap")]
    [InlineData("tcpdump/isakmp-identification-segfault.pcap")]
    [InlineData("tcpdump/isakmp-ikev1_n_print-oobr.pcap")]
    [InlineData("tcpdump/isakmp-pointer-loop.pcap")]
    [InlineData("tcpdump/ikev2pI2-segfault.pcapng")]
    public void Every_truncation_and_byte_flip_of_fuzz_captures_is_read_without_exception(string relative)
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), relative);
        if (!File.Exists(path))
        {
            Assert.Skip("../shared/captures/" + relative + " is absent");
        }

        int variants = 0;
        foreach (TsharkIkeFeed.Frame frame in TsharkIkeFeed.Read(path, "(udp.port == 500 || udp.port == 4500) && !icmp && !icmpv6"))
        {
            for (int length = 0; length <= frame.Payload.Length; length++)
            {
                variants += FeedAlone(frame with { Payload = frame.Payload[..length] });
            }

            for (int position = 0; position < frame.Payload.Length; position++)
            {
                byte[] flipped = (byte[])frame.Payload.Clone();
                flipped[position] ^= 0xFF;
                variants += FeedAlone(frame with { Payload = flipped });
            }
        }

        Assert.True(variants > 0);
    }

    [Fact]
    public void Incomplete_ip_datagram_is_tied_to_its_sa_by_the_cookies_in_its_first_bytes()
    {
        CaptureModel healthy = LabScenario.Reconstruct("healthy-psk");
        ulong cookie = healthy.IkeSas[0].InitiatorCookie;
        string path = LabScenario.Require("healthy-psk");
        var input = new AnalysisInput(0, path, "client.pcap", InputKind.Pcap);
        var tracker = new IkeSaTracker(input, AnalysisLimits.Default, null);
        List<TsharkIkeFeed.Frame> frames = TsharkIkeFeed.Read(path);
        TsharkIkeFeed.Feed(tracker, frames[0]);

        // Synthetic: the first 36 bytes an IP fragment would carry (UDP header, then the ISAKMP header start).
        byte[] first = new byte[8 + 28];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(first, 500);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(first.AsSpan(2), 500);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(first.AsSpan(8), cookie);
        first[8 + 17] = 0x10;
        first[8 + 18] = 2;
        var lost = new IncompleteIpDatagram(17, frames[0].Source, frames[0].Destination, 7, [new FrameRef(0, 99, frames[0].Time)], [(0, 1480)], null, first);
        tracker.ObserveIncomplete(lost);
        var model = new CaptureModel(input);
        tracker.Complete(model);

        IkeLostDatagram tied = Assert.Single(model.IkeSas[0].LostDatagrams);
        Assert.True(tied.MatchedByCookies);
        Assert.True(tied.FromInitiator);
        Assert.Equal(IkeExchangeKind.MainMode, tied.Exchange);
        Assert.Equal(3, tied.ProbableMessage);
    }

    private const int IsakmpHeaderLength = 28;

    private static int FeedAlone(TsharkIkeFeed.Frame frame)
    {
        var input = new AnalysisInput(0, "fuzz", "fuzz", InputKind.Pcap);
        var tracker = new IkeSaTracker(input, AnalysisLimits.Default, null);
        TsharkIkeFeed.Feed(tracker, frame);
        var model = new CaptureModel(input);
        tracker.Complete(model);

        // One datagram is at most one message of one SA, and whatever was recorded points at it.
        string what = $"frame {frame.Number} cut or flipped ({frame.Payload.Length} bytes)";
        IkeMessage[] messages = [.. model.IkeSas.SelectMany(sa => sa.Messages)];
        Assert.True(messages.Length <= 1, $"{what}: {messages.Length} messages from one datagram");
        if (frame.Payload.Length < IsakmpHeaderLength)
        {
            Assert.True(model.IkeSas.Count == 0, $"{what}: an SA from fewer bytes than an ISAKMP header");
        }

        Assert.All(messages, m =>
        {
            Assert.Equal(frame.Number, m.Frame.Frame);
            Assert.Equal(frame.Source, m.From);
            Assert.Equal(frame.Destination, m.To);
        });
        Assert.All(model.IkeSas.SelectMany(sa => sa.Anomalies), a => Assert.Equal(frame.Number, a.Frame.Frame));
        return 1;
    }
}

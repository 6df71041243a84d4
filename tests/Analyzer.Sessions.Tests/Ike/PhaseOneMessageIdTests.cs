using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// RFC 2408 §3.1 / RFC 2409 §5: Main and Aggressive Mode messages carry message ID zero; Libreswan
/// drops one that does not ("Message ID was … but should be zero in phase 1"). One bit flipped in
/// MM1's message ID (what a faulty switch does) is damage, and MM1 still opens the SA's one Main
/// Mode. The lab's healthy-psk client capture is rewritten in the test with the bit flipped
/// (constructed; no derived file kept).
/// </summary>
public sealed class PhaseOneMessageIdTests
{
    [Fact]
    public void A_main_mode_message_with_a_non_zero_message_id_is_damage_and_stays_in_the_one_main_mode()
    {
        CaptureModel model = WithMm1MessageIdFlipped();
        IkeSa sa = Assert.Single(model.IkeSas);
        IkeAnomaly anomaly = Assert.Single(sa.Anomalies, a => a.Kind == IkeAnomalyKind.MalformedHeader);
        Assert.Equal(3, anomaly.Frame.Frame);
        Assert.True(anomaly.ShowsDamage);
        Assert.Contains("message ID 0x01000000", anomaly.Detail, StringComparison.Ordinal);
        IkeExchange mainMode = Assert.Single(sa.Exchanges, e => e.Kind == IkeExchangeKind.MainMode);
        Assert.Equal([1, 2, 3, 4, 5, 6], mainMode.Messages.Select(m => m.Number).Distinct().Order());
    }

    [Fact]
    public void Main_mode_messages_with_message_id_zero_carry_no_header_anomaly()
    {
        CaptureModel model = DecodedCapture.Reconstruct(LabScenario.Require("healthy-psk"));
        Assert.DoesNotContain(model.IkeSas.SelectMany(s => s.Anomalies), a => a.Kind == IkeAnomalyKind.MalformedHeader);
    }

    private static CaptureModel WithMm1MessageIdFlipped()
    {
        string source = LabScenario.Require("healthy-psk");
        string path = Path.Combine(Path.GetTempPath(), $"vpndiag-mm1-msgid-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        try
        {
            bool flipped = false;
            using (CaptureReader reader = CaptureReader.Open(source))
            using (var output = File.Create(path))
            {
                PcapWriter? writer = null;
                while (reader.TryReadFrame(out CapturedFrame frame))
                {
                    writer ??= new PcapWriter(output, frame.LinkType, leaveOpen: true);
                    byte[] data = frame.Data.ToArray();
                    if (!flipped)
                    {
                        // The first UDP 500 → 500 datagram is MM1; its ISAKMP header follows the 8-byte UDP header.
                        ReadOnlySpan<byte> ports = [0x01, 0xF4, 0x01, 0xF4];
                        int udp = data.AsSpan().IndexOf(ports);
                        if (udp >= 0)
                        {
                            const int MessageIdOffset = 20;
                            data[udp + 8 + MessageIdOffset] ^= 0x01;
                            flipped = true;
                        }
                    }

                    writer.WritePacket(frame.Time, data, data.Length);
                }

                writer?.Dispose();
            }

            Assert.True(flipped, "no IKE datagram found to damage");
            return DecodedCapture.Reconstruct(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.Buffers.Binary;
using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// Captures that do not start with the initiator's first message: a capture started mid-negotiation,
/// or one that saw only the responder's direction. The lab's healthy-psk server capture is cut down
/// in the test (Ethernet frames filtered by their IPv4 source), so no derived file is committed.
/// </summary>
public sealed class PartialCaptureRoleTests
{
    private static readonly byte[] Client = [198, 51, 100, 20];

    [Fact]
    public void Only_the_responders_direction_captured_keeps_the_responder_as_responder_and_numbers_its_messages_even()
    {
        CaptureModel model = Reconstruct("only-responder", frame => !FromClient(frame));
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(NetAddress.FromV4(Client), sa.Initiator.Address);
        IkeExchange main = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode);
        Assert.Equal([2, 4, 6], main.Messages.Select(m => m.Number).Order());
        Assert.All(main.Messages, m => Assert.False(m.FromInitiator));
    }

    [Fact]
    public void A_capture_started_after_main_mode_message_1_takes_the_initiator_from_message_2s_destination()
    {
        int ikeSeen = 0;
        CaptureModel model = Reconstruct("started-late", frame => !(IsIke(frame) && ++ikeSeen == 1));
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(NetAddress.FromV4(Client), sa.Initiator.Address);
        IkeExchange main = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode);
        Assert.Equal([2, 3, 4, 5, 6], main.Messages.Select(m => m.Number).Order());
    }

    private static CaptureModel Reconstruct(string name, Func<byte[], bool> keep)
    {
        string source = LabScenario.Require("healthy-psk", "server");
        string path = Path.Combine(Path.GetTempPath(), $"vpndiag-{name}-{Environment.ProcessId}.pcap");
        try
        {
            using (CaptureReader reader = CaptureReader.Open(source))
            using (var output = File.Create(path))
            using (var writer = new PcapWriter(output, LinkType.Ethernet))
            {
                while (reader.TryReadFrame(out CapturedFrame frame))
                {
                    byte[] bytes = frame.Data.ToArray();
                    if (keep(bytes))
                    {
                        writer.WritePacket(frame.Time, bytes);
                    }
                }
            }

            return DecodedCapture.Reconstruct(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool IsIpv4(byte[] frame) => frame.Length > 34 && BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)) == 0x0800;

    private static bool FromClient(byte[] frame) => IsIpv4(frame) && frame.AsSpan(26, 4).SequenceEqual(Client);

    private static bool IsIke(byte[] frame) => IsIpv4(frame) && frame[23] == 17 && BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(36)) == 500;
}

using Analyzer.Protocols.Ike.Registry;
using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// IKE_SA_INIT retries (RFC 7296 §1.2, §2.6). No public or lab capture holds one, so these
/// messages are synthetic, built here to the RFC layout.
/// </summary>
public sealed class Ikev2RetryTests
{
    private static readonly NetEndpoint Client = new(NetAddress.Parse("198.51.100.20"), 500);
    private static readonly NetEndpoint Server = new(NetAddress.Parse("203.0.113.10"), 500);

    [Fact]
    public void Invalid_ke_payload_answer_ends_the_first_attempt_and_the_retry_is_a_new_exchange()
    {
        var input = new AnalysisInput(0, "synthetic", "synthetic", InputKind.Pcap);
        var tracker = new IkeSaTracker(input, AnalysisLimits.Default, null);
        Feed(tracker, 1, Client, Server, Message(0x08, 0, Sa(19)));
        Feed(tracker, 2, Server, Client, Message(0x20, 7, Notify(17, [0x00, 0x0e])));
        Feed(tracker, 3, Client, Server, Message(0x08, 0, Sa(14)));
        Feed(tracker, 4, Server, Client, Message(0x20, 7, Sa(14)));
        var model = new CaptureModel(input);
        tracker.Complete(model);

        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(2, sa.Version);
        var attempts = sa.Exchanges.Where(e => e.Kind == IkeExchangeKind.IkeSaInit).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(ExchangeState.RejectedByNotify, attempts[0].State);
        Assert.Equal(NotifyTypes.V2InvalidKePayload, attempts[0].RejectingNotify?.Type);
        Assert.Equal(new IkeNotifyDetail(IkeNotifyDetailKind.AcceptedGroup, 14), attempts[0].RejectingNotify?.Detail);
        Assert.Equal(ExchangeState.Completed, attempts[1].State);
        Assert.Equal(new TransformValue(TransformRegistry.DhGroup, 14), sa.Chosen?.DhGroup);
        Assert.Equal(IkeSaState.Negotiating, sa.State);
    }

    [Fact]
    public void Unanswered_ike_sa_init_repeated_leaves_the_sa_without_response()
    {
        var input = new AnalysisInput(0, "synthetic", "synthetic", InputKind.Pcap);
        var tracker = new IkeSaTracker(input, AnalysisLimits.Default, null);
        byte[] request = Message(0x08, 0, Sa(14));
        Feed(tracker, 1, Client, Server, request);
        Feed(tracker, 2, Client, Server, request, seconds: 2);
        Feed(tracker, 3, Client, Server, request, seconds: 6);
        var model = new CaptureModel(input);
        tracker.Complete(model);

        IkeSa sa = Assert.Single(model.IkeSas);
        IkeExchange init = Assert.Single(sa.Exchanges);
        Assert.Equal(ExchangeState.NoResponse, init.State);
        Assert.Equal(1, init.StalledAfterMessage);
        Assert.Equal(2, sa.Messages.Count(m => m.Retransmission));
        Assert.Equal(IkeSaState.NoResponse, sa.State);
    }

    private static void Feed(IkeSaTracker tracker, long frame, NetEndpoint from, NetEndpoint to, byte[] message, double seconds = 0)
    {
        var time = new Timestamp(1_800_000_000_000_000_000 + (long)(seconds * 1e9) + frame);
        tracker.Observe(new VpnDatagram(new FrameRef(0, frame, time), TrafficKind.Ike, from, to, message, message.Length, DatagramFlags.None, [], 0, 64, 1));
    }

    /// <summary>IKEv2 header (SPIi 0x11.., SPIr as given, IKE_SA_INIT, message ID 0) and one payload.</summary>
    private static byte[] Message(byte flags, byte responderSpi, (byte Type, byte[] Body) payload)
    {
        byte[] message = new byte[28 + 4 + payload.Body.Length];
        message.AsSpan(0, 8).Fill(0x11);
        message[15] = responderSpi;
        message[16] = payload.Type;
        message[17] = 0x20;
        message[18] = 34;
        message[19] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(24), (uint)message.Length);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(30), (ushort)(4 + payload.Body.Length));
        payload.Body.CopyTo(message, 32);
        return message;
    }

    /// <summary>SA payload with one IKE proposal holding one D-H transform of <paramref name="group"/>.</summary>
    private static (byte, byte[]) Sa(ushort group)
    {
        byte[] body = [0, 0, 0, 16, 1, 1, 0, 1, 0, 0, 0, 8, 4, 0, (byte)(group >> 8), (byte)group];
        return (33, body);
    }

    private static (byte, byte[]) Notify(ushort type, byte[] data) =>
        (41, [0, 0, (byte)(type >> 8), (byte)type, .. data]);
}

using Analyzer.Protocols.Pptp;
using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Pptp;
using Analyzer.Sessions.Tests.Esp;

namespace Analyzer.Sessions.Tests.Pptp;

/// <summary>TCP 1723 segments cut, repeated and packed: synthetic segments (RFC 793 header, RFC 2637 messages).</summary>
public sealed class PptpStreamTests
{
    private static readonly NetEndpoint Client = new(NetAddress.Parse("192.0.2.10"), 1055);
    private static readonly NetEndpoint Server = new(NetAddress.Parse("203.0.113.1"), VpnPorts.Pptp);

    /// <summary>An Echo-Request (16 bytes) with identifier <paramref name="id"/>.</summary>
    private static byte[] EchoRequest(uint id)
    {
        var message = new byte[16];
        BinaryPrimitives.WriteUInt16BigEndian(message, 16);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), 0x1A2B3C4D);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(8), 5);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(12), id);
        return message;
    }

    private static CapturedDatagram Segment(long frame, uint sequence, byte[] data)
    {
        var ip = new byte[40 + data.Length];
        ip[0] = 0x45;
        ip[9] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(ip.AsSpan(24), sequence);
        ip[32] = 0x50;
        data.CopyTo(ip, 40);
        return new CapturedDatagram(new FrameRef(0, frame, default), TrafficKind.PptpControl, Client, Server, data, data.Length, DatagramFlags.None, ip);
    }

    [Fact]
    public void Message_split_over_two_segments_is_read_once_whole()
    {
        byte[] echo = EchoRequest(1);
        CaptureModel model = CaptureReplay.Run([Segment(1, 1000, echo[..5]), Segment(2, 1005, echo[5..])]);

        PptpControlObservation message = Assert.Single(Assert.Single(model.PptpConnections).ControlMessages);
        Assert.Equal((PptpMessageType.EchoRequest, 2L), (message.Type, message.Frame.Frame));
    }

    [Fact]
    public void Retransmitted_segment_is_not_read_twice_and_packed_messages_are_all_read()
    {
        byte[] two = [.. EchoRequest(1), .. EchoRequest(2)];
        CaptureModel model = CaptureReplay.Run([Segment(1, 1000, two), Segment(2, 1000, two), Segment(3, 1032, EchoRequest(3))]);

        Assert.Equal([1L, 1L, 3L], Assert.Single(model.PptpConnections).ControlMessages.Select(m => m.Frame.Frame));
    }

    [Fact]
    public void Bad_magic_cookie_is_an_anomaly_and_the_stream_resumes_at_the_next_segment()
    {
        byte[] bad = EchoRequest(1);
        bad[4] = 0;
        CaptureModel model = CaptureReplay.Run([Segment(1, 1000, bad), Segment(2, 1016, EchoRequest(2))]);

        PptpConnection connection = Assert.Single(model.PptpConnections);
        Assert.Contains(connection.Anomalies, a => a is { Kind: PptpAnomalyKind.MalformedControlMessage, Frame.Frame: 1 } && a.Detail.Contains("bad magic number", StringComparison.Ordinal));
        Assert.Equal([2L], connection.ControlMessages.Select(m => m.Frame.Frame));
    }

    [Fact]
    public void Lost_bytes_before_a_segment_are_reported()
    {
        CaptureModel model = CaptureReplay.Run([Segment(1, 1000, EchoRequest(1)), Segment(2, 1100, EchoRequest(2))]);

        PptpConnection connection = Assert.Single(model.PptpConnections);
        Assert.Contains(connection.Anomalies, a => a is { Kind: PptpAnomalyKind.ControlStreamGap, Frame.Frame: 2 });
        Assert.Equal(2, connection.ControlMessages.Count);
    }
}

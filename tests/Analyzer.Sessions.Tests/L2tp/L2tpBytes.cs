using System.Buffers.Binary;
using System.Text;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Tests.Esp;

namespace Analyzer.Sessions.Tests.L2tp;

/// <summary>
/// Synthetic L2TP messages laid out by RFC 2661 §3.1 and §4.1, for state-machine edge cases no
/// public capture holds (the public ones have one data packet and fuzzed control messages).
/// </summary>
internal static class L2tpBytes
{
    public static readonly NetEndpoint Client = new(NetAddress.Parse("192.0.2.10"), 1701);
    public static readonly NetEndpoint Server = new(NetAddress.Parse("203.0.113.1"), 1701);

    public static byte[] Avp(ushort type, byte[] value, bool mandatory = true, bool hidden = false, ushort vendor = 0)
    {
        var avp = new byte[6 + value.Length];
        ushort first = (ushort)((mandatory ? 0x8000 : 0) | (hidden ? 0x4000 : 0) | avp.Length);
        BinaryPrimitives.WriteUInt16BigEndian(avp, first);
        BinaryPrimitives.WriteUInt16BigEndian(avp.AsSpan(2), vendor);
        BinaryPrimitives.WriteUInt16BigEndian(avp.AsSpan(4), type);
        value.CopyTo(avp, 6);
        return avp;
    }

    public static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Text(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] MessageType(ushort type) => Avp(0, U16(type));

    public static byte[] Control(ushort tunnel, ushort session, ushort ns, ushort nr, params byte[][] avps)
    {
        int length = 12 + avps.Sum(a => a.Length);
        var message = new byte[length];
        BinaryPrimitives.WriteUInt16BigEndian(message, 0xC802);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), tunnel);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(6), session);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(8), ns);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(10), nr);
        int offset = 12;
        foreach (byte[] avp in avps)
        {
            avp.CopyTo(message, offset);
            offset += avp.Length;
        }

        return message;
    }

    /// <summary>A data message without Length or sequence (the usual form) carrying a PPP frame.</summary>
    public static byte[] Data(ushort tunnel, ushort session, byte[] ppp)
    {
        var message = new byte[6 + ppp.Length];
        BinaryPrimitives.WriteUInt16BigEndian(message, 0x0002);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), tunnel);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), session);
        ppp.CopyTo(message, 6);
        return message;
    }

    public static CapturedDatagram Datagram(long frame, bool fromClient, byte[] l2tp, TrafficKind kind = TrafficKind.L2tp) =>
        new(new FrameRef(0, frame, Timestamp.FromUnix(1_700_000_000 + frame, 0, 6)), kind,
            fromClient ? Client : Server, fromClient ? Server : Client, l2tp, l2tp.Length, DatagramFlags.None, []);
}

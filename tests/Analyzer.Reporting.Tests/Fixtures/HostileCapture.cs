using System.Buffers.Binary;
using System.Text;

namespace Analyzer.Reporting.Tests.Fixtures;

/// <summary>
/// Writes a small pcap (raw-IP link type) whose packets carry markup where a peer controls the
/// text: an IKEv1 Main Mode message with a Vendor ID and an FQDN identity, and an L2TP SCCRQ with
/// Host Name and Vendor Name AVPs. Synthetic on purpose: no daemon sends such names, and tshark
/// (the oracle) must decode the strings back out of it.
/// </summary>
internal static class HostileCapture
{
    public const string Identity = HostileStrings.Script;
    public const string VendorIdText = HostileStrings.Image;
    public const string HostName = "<b>host</b><script>alert(3)</script>";
    public const string VendorName = HostileStrings.Link;

    private const uint LinkTypeRaw = 101;

    public static string Write(string directory)
    {
        string path = Path.Combine(directory, "hostile-strings.pcap");
        using var file = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeRaw);
        file.Write(header);
        Record(file, 1_764_000_000, 0, Udp([192, 0, 2, 10], [198, 51, 100, 1], 500, 500, IkeMainMode()));
        Record(file, 1_764_000_001, 250_000, Udp([192, 0, 2, 10], [198, 51, 100, 1], 1701, 1701, L2tpSccrq()));
        File.WriteAllBytes(path, file.ToArray());
        return path;
    }

    private static void Record(Stream file, uint seconds, uint micros, byte[] packet)
    {
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], micros);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)packet.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)packet.Length);
        file.Write(header);
        file.Write(packet);
    }

    /// <summary>IPv4 + UDP (checksum 0: allowed for IPv4 by RFC 768).</summary>
    private static byte[] Udp(byte[] source, byte[] destination, ushort sourcePort, ushort destinationPort, byte[] payload)
    {
        var packet = new byte[20 + 8 + payload.Length];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[8] = 64;
        packet[9] = 17;
        source.CopyTo(packet, 12);
        destination.CopyTo(packet, 16);
        uint sum = 0;
        for (int i = 0; i < 20; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(i));
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), (ushort)~sum);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(20), sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(24), (ushort)(8 + payload.Length));
        payload.CopyTo(packet, 28);
        return packet;
    }

    /// <summary>RFC 2408 header (Main Mode, first payload Vendor ID) + Vendor ID (13) + Identification (5, FQDN).</summary>
    private static byte[] IkeMainMode()
    {
        byte[] vid = Encoding.ASCII.GetBytes(VendorIdText);
        byte[] id = Encoding.ASCII.GetBytes(Identity);
        var message = new List<byte>();
        message.AddRange([0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0, 0, 0, 0, 0, 0, 0, 0, 13, 0x10, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        message.AddRange([5, 0, 0, (byte)(4 + vid.Length)]);
        message.AddRange(vid);
        message.AddRange([0, 0, 0, (byte)(8 + id.Length), 2, 17, 0x01, 0xF4]);
        message.AddRange(id);
        byte[] bytes = [.. message];
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(24), (uint)bytes.Length);
        return bytes;
    }

    /// <summary>RFC 2661 control message SCCRQ with Message Type, Protocol Version, Host Name, Vendor Name, Assigned Tunnel ID.</summary>
    private static byte[] L2tpSccrq()
    {
        var message = new List<byte> { 0xC8, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        Avp(message, 0, true, [0, 1]);
        Avp(message, 2, true, [1, 0]);
        Avp(message, 7, true, Encoding.ASCII.GetBytes(HostName));
        Avp(message, 8, false, Encoding.ASCII.GetBytes(VendorName));
        Avp(message, 9, true, [0, 7]);
        byte[] bytes = [.. message];
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)bytes.Length);
        return bytes;
    }

    private static void Avp(List<byte> message, ushort type, bool mandatory, byte[] value)
    {
        int length = 6 + value.Length;
        message.Add((byte)((mandatory ? 0x80 : 0) | (length >> 8)));
        message.Add((byte)length);
        message.AddRange([0, 0, (byte)(type >> 8), (byte)type]);
        message.AddRange(value);
    }
}

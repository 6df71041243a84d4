using System.Buffers.Binary;
using Analyzer.Capture;
using System.Runtime.CompilerServices;

namespace Analyzer.Protocols.Link;

/// <summary>
/// Finds where the network layer starts inside a frame for each supported link type: Ethernet
/// (802.1Q, QinQ, 802.3/SNAP), PPPoE sessions, Linux cooked SLL/SLL2, raw IP (every DLT_RAW value),
/// BSD NULL/LOOP, PPP framings and Cisco HDLC. PPP that carries IP is looked through, so IKE over a
/// customer's PPPoE DSL line is still found.
/// </summary>
public static class LinkLayerReader
{
    public const ushort EtherTypeIpv4 = 0x0800;
    public const ushort EtherTypeIpv6 = 0x86DD;
    public const ushort EtherTypeVlan = 0x8100;
    public const ushort EtherTypeQinQ = 0x88A8;
    public const ushort EtherTypeQinQLegacy = 0x9100;
    public const ushort EtherTypePppoeSession = 0x8864;
    public const ushort PppIpv4 = 0x0021;
    public const ushort PppIpv6 = 0x0057;

    private const int EthernetHeaderLength = 14;
    private const int VlanTagLength = 4;
    private const int MaxVlanTags = 4;
    private const int PppoeHeaderLength = 6;
    private const int SllHeaderLength = 16;
    private const int Sll2HeaderLength = 20;
    private const int NullHeaderLength = 4;

    // BSD address families for IPv6 differ by OS (NetBSD/OpenBSD 24, FreeBSD 28, Darwin 30); Linux uses 10.
    private const uint AfInet = 2;

    /// <summary>Where the network layer begins in <paramref name="frame"/>, and what it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NetworkLayer Locate(LinkType linkType, ReadOnlySpan<byte> frame, out int offset)
    {
        offset = 0;
        switch (linkType)
        {
            case LinkType.Ethernet:
                return LocateEthernet(frame, ref offset);
            case LinkType.Raw or LinkType.RawBsd12 or LinkType.RawBsd14:
                return ByVersionNibble(frame, 0);
            case LinkType.Ipv4:
                return frame.Length > 0 ? NetworkLayer.Ipv4 : NetworkLayer.Undecodable;
            case LinkType.Ipv6:
                return frame.Length > 0 ? NetworkLayer.Ipv6 : NetworkLayer.Undecodable;
            case LinkType.Null:
                return LocateNull(frame, ref offset, bigEndianOnly: false);
            case LinkType.Loop:
                return LocateNull(frame, ref offset, bigEndianOnly: true);
            case LinkType.LinuxSll:
                return LocateByEtherType(frame, SllHeaderLength, frame.Length >= SllHeaderLength ? BinaryPrimitives.ReadUInt16BigEndian(frame[14..]) : (ushort)0, ref offset);
            case LinkType.LinuxSll2:
                return LocateByEtherType(frame, Sll2HeaderLength, frame.Length >= Sll2HeaderLength ? BinaryPrimitives.ReadUInt16BigEndian(frame) : (ushort)0, ref offset);
            case LinkType.Ppp or LinkType.PppHdlc:
                return LocatePpp(frame, 0, ref offset);
            case LinkType.PppWithDirection:
                return LocatePpp(frame, 1, ref offset);
            case LinkType.PppEther:
                return LocatePppoe(frame, 0, ref offset);
            case LinkType.CiscoHdlc:
                return frame.Length >= 4 ? LocateByEtherType(frame, 4, BinaryPrimitives.ReadUInt16BigEndian(frame[2..]), ref offset) : NetworkLayer.Undecodable;
            default:
                return NetworkLayer.Other;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NetworkLayer LocateEthernet(ReadOnlySpan<byte> frame, ref int offset)
    {
        if (frame.Length < EthernetHeaderLength)
        {
            return NetworkLayer.Undecodable;
        }

        int position = 12;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame[position..]);
        for (int tags = 0; type is EtherTypeVlan or EtherTypeQinQ or EtherTypeQinQLegacy; tags++)
        {
            position += VlanTagLength;
            if (tags == MaxVlanTags || frame.Length < position + 2)
            {
                return NetworkLayer.Undecodable;
            }

            type = BinaryPrimitives.ReadUInt16BigEndian(frame[position..]);
        }

        position += 2;
        if (type <= 1500)
        {
            // IEEE 802.3 length field: only LLC/SNAP with an EtherType can carry IP here.
            if (frame.Length >= position + 8 && frame[position] == 0xAA && frame[position + 1] == 0xAA && frame[position + 2] == 0x03)
            {
                type = BinaryPrimitives.ReadUInt16BigEndian(frame[(position + 6)..]);
                position += 8;
            }
            else
            {
                return NetworkLayer.Other;
            }
        }

        return LocateByEtherType(frame, position, type, ref offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NetworkLayer LocateByEtherType(ReadOnlySpan<byte> frame, int position, ushort etherType, ref int offset)
    {
        if (frame.Length < position)
        {
            return NetworkLayer.Undecodable;
        }

        switch (etherType)
        {
            case EtherTypeIpv4:
                offset = position;
                return frame.Length > position ? NetworkLayer.Ipv4 : NetworkLayer.Undecodable;
            case EtherTypeIpv6:
                offset = position;
                return frame.Length > position ? NetworkLayer.Ipv6 : NetworkLayer.Undecodable;
            case EtherTypePppoeSession:
                return LocatePppoe(frame, position, ref offset);
            default:
                return NetworkLayer.Other;
        }
    }

    /// <summary>RFC 2516 §4: ver/type, code 0x00, session id, length, then the PPP protocol field.</summary>
    private static NetworkLayer LocatePppoe(ReadOnlySpan<byte> frame, int position, ref int offset)
    {
        if (frame.Length < position + PppoeHeaderLength + 2)
        {
            return NetworkLayer.Undecodable;
        }

        if (frame[position] != 0x11 || frame[position + 1] != 0x00)
        {
            return NetworkLayer.Other;
        }

        return ClassifyPppProtocol(frame, position + PppoeHeaderLength, ref offset);
    }

    /// <summary>RFC 1662 framing: optional FF 03 address/control, then a one- or two-byte protocol (RFC 1661 §6.5 compression).</summary>
    private static NetworkLayer LocatePpp(ReadOnlySpan<byte> frame, int position, ref int offset)
    {
        if (frame.Length < position + 2)
        {
            return NetworkLayer.Undecodable;
        }

        if (frame[position] == 0xFF && frame[position + 1] == 0x03)
        {
            position += 2;
        }
        else if (frame[position] is 0x0F or 0x8F)
        {
            // Cisco HDLC inside a PPP link type (DLT_PPP_SERIAL): address, control, EtherType.
            return frame.Length >= position + 4
                ? LocateByEtherType(frame, position + 4, BinaryPrimitives.ReadUInt16BigEndian(frame[(position + 2)..]), ref offset)
                : NetworkLayer.Undecodable;
        }

        if (frame.Length < position + 1)
        {
            return NetworkLayer.Undecodable;
        }

        if ((frame[position] & 1) == 1)
        {
            // Protocol-field compression: a single odd byte.
            offset = position;
            return frame[position] switch
            {
                0x21 => NextIsIp(frame, position + 1, NetworkLayer.Ipv4, ref offset),
                0x57 => NextIsIp(frame, position + 1, NetworkLayer.Ipv6, ref offset),
                _ => NetworkLayer.Ppp,
            };
        }

        return ClassifyPppProtocol(frame, position, ref offset);
    }

    private static NetworkLayer ClassifyPppProtocol(ReadOnlySpan<byte> frame, int position, ref int offset)
    {
        if (frame.Length < position + 2)
        {
            return NetworkLayer.Undecodable;
        }

        offset = position;
        return BinaryPrimitives.ReadUInt16BigEndian(frame[position..]) switch
        {
            PppIpv4 => NextIsIp(frame, position + 2, NetworkLayer.Ipv4, ref offset),
            PppIpv6 => NextIsIp(frame, position + 2, NetworkLayer.Ipv6, ref offset),
            _ => NetworkLayer.Ppp,
        };
    }

    private static NetworkLayer NextIsIp(ReadOnlySpan<byte> frame, int position, NetworkLayer layer, ref int offset)
    {
        offset = position;
        return frame.Length > position ? layer : NetworkLayer.Undecodable;
    }

    private static NetworkLayer LocateNull(ReadOnlySpan<byte> frame, ref int offset, bool bigEndianOnly)
    {
        if (frame.Length < NullHeaderLength + 1)
        {
            return NetworkLayer.Undecodable;
        }

        // DLT_NULL stores the family in the writer's byte order, which the file does not record:
        // a value above 0xFFFF can only be the other order.
        uint family = bigEndianOnly ? BinaryPrimitives.ReadUInt32BigEndian(frame) : BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (family > 0xFFFF)
        {
            family = BinaryPrimitives.ReverseEndianness(family);
        }

        offset = NullHeaderLength;
        return family switch
        {
            AfInet => NetworkLayer.Ipv4,
            10 or 24 or 28 or 30 => NetworkLayer.Ipv6,
            _ => NetworkLayer.Other,
        };
    }

    private static NetworkLayer ByVersionNibble(ReadOnlySpan<byte> frame, int position)
    {
        if (frame.Length <= position)
        {
            return NetworkLayer.Undecodable;
        }

        return (frame[position] >> 4) switch
        {
            4 => NetworkLayer.Ipv4,
            6 => NetworkLayer.Ipv6,
            _ => NetworkLayer.Undecodable,
        };
    }
}

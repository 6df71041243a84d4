using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Analyzer.Core;

/// <summary>
/// An IPv4 or IPv6 address as a value: no heap allocation, usable as a dictionary key on the hot
/// path. IPv4 lives in the low 32 bits. Converts to <see cref="IPAddress"/> only for display.
/// </summary>
public readonly record struct NetAddress(UInt128 Value, bool IsV6) : IComparable<NetAddress>
{
    public static NetAddress FromV4(ReadOnlySpan<byte> fourBytes) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(fourBytes), false);

    public static NetAddress FromV4(uint address) => new(address, false);

    public static NetAddress FromV6(ReadOnlySpan<byte> sixteenBytes) =>
        new(BinaryPrimitives.ReadUInt128BigEndian(sixteenBytes), true);

    public static NetAddress FromIPAddress(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int written);
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? FromV6(bytes[..written])
            : FromV4(bytes[..written]);
    }

    public static NetAddress Parse(string text) => FromIPAddress(IPAddress.Parse(text));

    public static bool TryParse(string? text, out NetAddress address)
    {
        if (IPAddress.TryParse(text, out IPAddress? ip))
        {
            address = FromIPAddress(ip);
            return true;
        }

        address = default;
        return false;
    }

    /// <summary>Network-order bytes: 4 for IPv4, 16 for IPv6.</summary>
    public int WriteBytes(Span<byte> destination)
    {
        if (IsV6)
        {
            BinaryPrimitives.WriteUInt128BigEndian(destination, Value);
            return 16;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)Value);
        return 4;
    }

    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[16];
        int length = WriteBytes(bytes);
        return new IPAddress(bytes[..length]);
    }

    /// <summary>RFC 1918, RFC 6598 (carrier-grade NAT), loopback, link-local and IPv6 ULA: addresses a NAT usually hides.</summary>
    public bool IsPrivate
    {
        get
        {
            if (IsV6)
            {
                byte first = (byte)(Value >> 120);
                return (first & 0xFE) == 0xFC || (Value >> 118) == 0x3FA || Value == 1;
            }

            uint v4 = (uint)Value;
            return (v4 >> 24) == 10
                || (v4 >> 20) == 0xAC1
                || (v4 >> 16) == 0xC0A8
                || (v4 >> 22) == 0x191
                || (v4 >> 24) == 127
                || (v4 >> 16) == 0xA9FE;
        }
    }

    public int CompareTo(NetAddress other) =>
        IsV6 != other.IsV6 ? IsV6.CompareTo(other.IsV6) : Value.CompareTo(other.Value);

    public static bool operator <(NetAddress left, NetAddress right) => left.CompareTo(right) < 0;

    public static bool operator >(NetAddress left, NetAddress right) => left.CompareTo(right) > 0;

    public static bool operator <=(NetAddress left, NetAddress right) => left.CompareTo(right) <= 0;

    public static bool operator >=(NetAddress left, NetAddress right) => left.CompareTo(right) >= 0;

    public override string ToString()
    {
        if (!IsV6)
        {
            uint v4 = (uint)Value;
            return string.Create(CultureInfo.InvariantCulture, $"{v4 >> 24}.{(v4 >> 16) & 0xFF}.{(v4 >> 8) & 0xFF}.{v4 & 0xFF}");
        }

        return ToIPAddress().ToString();
    }
}

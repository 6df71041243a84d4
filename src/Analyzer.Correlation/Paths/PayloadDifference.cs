using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Where two copies of one packet differ. Only the VPN payload (from the IKE header, the ESP SPI,
/// the L2TP header on) is compared: a NAT rewrites IP and UDP headers and their checksums, never
/// these bytes, so any difference here is damage or tampering in transit. A copy cut short by the
/// capture's snap length is compared as far as it goes.
/// </summary>
internal static class PayloadDifference
{
    public static ModifiedPacket? Describe(CaptureSlice sentSlice, int sent, CaptureSlice receivedSlice, int received)
    {
        LedgerEntry s = sentSlice[sent];
        LedgerEntry r = receivedSlice[received];
        if (s.ContentHash == r.ContentHash)
        {
            return null;
        }

        bool truncated = s.Has(LedgerEntryFlags.Truncated) || r.Has(LedgerEntryFlags.Truncated);
        if (s.Has(LedgerEntryFlags.BytesNotKept) || r.Has(LedgerEntryFlags.BytesNotKept))
        {
            return truncated ? null : new ModifiedPacket(s.Frame, r.Frame, -1, -1,
                Subject(s, []) + ": payload hash differs (bytes beyond the ledger's budget were not kept, so not where)");
        }

        ReadOnlySpan<byte> a = sentSlice.Ledger.BytesOf(s);
        ReadOnlySpan<byte> b = receivedSlice.Ledger.BytesOf(r);
        int overlap = Math.Min(a.Length, b.Length);
        int first = -1;
        int differing = 0;
        for (int i = 0; i < overlap; i++)
        {
            if (a[i] != b[i])
            {
                differing++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        if (!truncated && a.Length != b.Length)
        {
            differing += Math.Abs(a.Length - b.Length);
            if (first < 0)
            {
                first = overlap;
            }
        }

        if (differing == 0)
        {
            return null;
        }

        string description = string.Create(CultureInfo.InvariantCulture,
            $"{Subject(s, a)}: {differing} of {a.Length} bytes differ, first at offset {first} of the {Layer(s)}");
        return new ModifiedPacket(s.Frame, r.Frame, first, differing, description);
    }

    private static string Subject(in LedgerEntry entry, ReadOnlySpan<byte> bytes) => entry.Protocol switch
    {
        LedgerProtocol.Esp when bytes.Length >= 8 => string.Create(CultureInfo.InvariantCulture,
            $"ESP SPI 0x{entry.Identity:x8} sequence {BinaryPrimitives.ReadUInt32BigEndian(bytes[4..])}"),
        LedgerProtocol.Esp => string.Create(CultureInfo.InvariantCulture, $"ESP SPI 0x{entry.Identity:x8}"),
        LedgerProtocol.Udp500 or LedgerProtocol.Udp4500 when bytes.Length >= 24 => string.Create(CultureInfo.InvariantCulture,
            $"IKE message of SA 0x{entry.Identity:x16}, message id 0x{BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]):x8}"),
        LedgerProtocol.Udp1701 => string.Create(CultureInfo.InvariantCulture, $"L2TP message of tunnel {entry.Identity}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"IKE message of SA 0x{entry.Identity:x16}"),
    };

    private static string Layer(in LedgerEntry entry) => entry.Protocol switch
    {
        LedgerProtocol.Esp => "ESP header (SPI = 0)",
        LedgerProtocol.Udp1701 => "L2TP header",
        _ => "IKE header",
    };
}

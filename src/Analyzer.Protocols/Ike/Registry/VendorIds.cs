using System.Buffers.Binary;
using System.Globalization;

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// Known vendor IDs, matched by prefix (longest first) with decoders for the bytes after the prefix.
/// Most are MD5 hashes of a text (e.g. MD5("RFC 3947"), MD5("MS NT5 ISAKMPOAKLEY")); sources: RFC 3947
/// §3.1, RFC 3706 §4, draft-ietf-ipsec-nat-t-ike-00..09, draft-beaulieu-ike-xauth, Microsoft's
/// [MS-IKEE] §2.2.1, Cisco Unity and fragmentation as seen on the wire.
/// </summary>
public static class VendorIds
{
    private enum SuffixDecoder : byte
    {
        None,
        WindowsVersion,
        CiscoUnityVersion,
        StrongSwanVersion,
    }

    private sealed record Entry(byte[] Prefix, string Name, VendorIdFeature Features, SuffixDecoder Decoder, bool ExactLength);

    private static readonly Entry[] Entries = Build();

    public static bool TryMatch(ReadOnlySpan<byte> vendorId, out VendorIdMatch match)
    {
        foreach (Entry entry in Entries)
        {
            if (!vendorId.StartsWith(entry.Prefix) || (entry.ExactLength && vendorId.Length != entry.Prefix.Length))
            {
                continue;
            }

            ReadOnlySpan<byte> suffix = vendorId[entry.Prefix.Length..];
            match = new VendorIdMatch(entry.Name, Decode(entry.Decoder, suffix), entry.Features)
            {
                WindowsVersion = entry.Decoder == SuffixDecoder.WindowsVersion && suffix.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(suffix) : null,
            };
            return true;
        }

        match = default;
        return false;
    }

    /// <summary>Windows version from the MS NT5 ISAKMPOAKLEY suffix ([MS-IKEE] §2.2.1.1; 2 = Windows 2000 ... 8 = Server 2008 R2).</summary>
    public static string WindowsVersion(uint value) => value switch
    {
        2 => "Windows 2000",
        3 => "Windows XP",
        4 => "Windows Server 2003",
        5 => "Windows Vista",
        6 => "Windows Server 2008",
        7 => "Windows 7",
        8 => "Windows Server 2008 R2",
        9 => "Windows 8 or later",
        _ => string.Create(CultureInfo.InvariantCulture, $"unknown Windows version {value}"),
    };

    private static string? Decode(SuffixDecoder decoder, ReadOnlySpan<byte> suffix) => decoder switch
    {
        SuffixDecoder.WindowsVersion when suffix.Length >= 4 => WindowsVersion(BinaryPrimitives.ReadUInt32BigEndian(suffix)),
        SuffixDecoder.CiscoUnityVersion when suffix.Length >= 2 => string.Create(CultureInfo.InvariantCulture, $"{suffix[0]}.{suffix[1]}"),
        SuffixDecoder.StrongSwanVersion when suffix.Length > 0 => Convert.ToHexStringLower(suffix),
        _ => null,
    };

    private static Entry[] Build()
    {
        var list = new List<Entry>
        {
            Exact("4a131c81070358455c5728f20e95452f", "RFC 3947 Negotiation of NAT-Traversal in the IKE", VendorIdFeature.NatTraversalRfc),
            Exact("4485152d18b6bbcd0be8a8469579ddcc", "draft-ietf-ipsec-nat-t-ike-00", VendorIdFeature.NatTraversalDraft),
            Exact("16f6ca16e4a4066d83821a0f0aeaa862", "draft-ietf-ipsec-nat-t-ike-01", VendorIdFeature.NatTraversalDraft),
            Exact("cd60464335df21f87cfdb2fc68b6a448", "draft-ietf-ipsec-nat-t-ike-02", VendorIdFeature.NatTraversalDraft),
            Exact("90cb80913ebb696e086381b5ec427b1f", "draft-ietf-ipsec-nat-t-ike-02\\n", VendorIdFeature.NatTraversalDraft),
            Exact("7d9419a65310ca6f2c179d9215529d56", "draft-ietf-ipsec-nat-t-ike-03", VendorIdFeature.NatTraversalDraft),
            Exact("9909b64eed937c6573de52ace952fa6b", "draft-ietf-ipsec-nat-t-ike-04", VendorIdFeature.NatTraversalDraft),
            Exact("80d0bb3def54565ee84645d4c85ce3ee", "draft-ietf-ipsec-nat-t-ike-05", VendorIdFeature.NatTraversalDraft),
            Exact("4d1e0e136deafa34c4f3ea9f02ec7285", "draft-ietf-ipsec-nat-t-ike-06", VendorIdFeature.NatTraversalDraft),
            Exact("439b59f8ba676c4c7737ae22eab8f582", "draft-ietf-ipsec-nat-t-ike-07", VendorIdFeature.NatTraversalDraft),
            Exact("8f8d83826d246b6fc7a8a6a428c11de8", "draft-ietf-ipsec-nat-t-ike-08", VendorIdFeature.NatTraversalDraft),
            Exact("42ea5b6f898d9773a575df26e7dd19e1", "draft-ietf-ipsec-nat-t-ike-09", VendorIdFeature.NatTraversalDraft),
            Exact("27bab5dc01ea0760ea4e3190ac27c0d0", "draft-stenberg-ipsec-nat-traversal-01", VendorIdFeature.NatTraversalDraft),
            Exact("6105c422e76847e43f9684801292aecd", "draft-stenberg-ipsec-nat-traversal-02", VendorIdFeature.NatTraversalDraft),
            Exact("afcad71368a1f1c96b8696fc77570100", "RFC 3706 DPD (Dead Peer Detection)", VendorIdFeature.DeadPeerDetection),
            Exact("09002689dfd6b712", "XAUTH", VendorIdFeature.Xauth),
            Prefix("4048b7d56ebce88525e7de7f00d6c2d3", "FRAGMENTATION", VendorIdFeature.Fragmentation, SuffixDecoder.None),
            Prefix("12f5f28c457168a9702d9fe274cc", "CISCO-UNITY", VendorIdFeature.CiscoUnity, SuffixDecoder.CiscoUnityVersion),
            Prefix("1e2b516905991c7d7c96fcbfb587e461", "MS NT5 ISAKMPOAKLEY", VendorIdFeature.Microsoft, SuffixDecoder.WindowsVersion),
            Exact("fb1de3cdf341b7ea16b7e5be0855f120", "MS-Negotiation Discovery Capable", VendorIdFeature.Microsoft),
            Exact("e3a5966a76379fe707228231e5ce8652", "IKE CGA version 1", VendorIdFeature.Microsoft),
            Exact("26244d38eddb61b3172a36e3d0cfb819", "Microsoft Vid-Initial-Contact", VendorIdFeature.Microsoft),
            Exact("214ca4faffa7f32d6748e5303395ae83", "MS-MamieExists", VendorIdFeature.Microsoft),
            Prefix("882fe56d6fd20dbc2251613b2ebe5beb", "strongSwan", VendorIdFeature.None, SuffixDecoder.StrongSwanVersion),
            Exact("b834b33a2609ea99d733413a621f9048", "Libreswan", VendorIdFeature.None),
        };

        // Longest prefix first, so a specific entry wins over a shorter one sharing its start.
        list.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
        return [.. list];
    }

    private static Entry Exact(string hex, string name, VendorIdFeature features) =>
        new(Convert.FromHexString(hex), name, features, SuffixDecoder.None, true);

    private static Entry Prefix(string hex, string name, VendorIdFeature features, SuffixDecoder decoder) =>
        new(Convert.FromHexString(hex), name, features, decoder, false);
}

using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Who the peers' vendor IDs say they are: the vendors for display, and a Windows peer recognised by
/// the registry's Microsoft feature and version number, never by a name.
/// </summary>
internal readonly record struct PeerVendors(List<string> Names, bool Windows, string WindowsVersion)
{
    public static PeerVendors Of(IkeSa sa)
    {
        List<string> names = sa.VendorIds.Select(v => v.Name ?? v.PrintableText ?? v.Hex).Distinct().ToList();
        uint? number = sa.VendorIds.Find(v => v.WindowsVersion is not null)?.WindowsVersion;
        bool windows = sa.VendorIds.Exists(IsWindows);
        return new PeerVendors(names, windows, number is uint version ? VendorIds.WindowsVersion(version) : "");
    }

    /// <summary>A vendor ID only Windows sends: the registry's Microsoft feature, or a Windows version number in its suffix.</summary>
    public static bool IsWindows(VendorIdObservation vendorId) =>
        vendorId.WindowsVersion is not null || (vendorId.Features & VendorIdFeature.Microsoft) != 0;
}

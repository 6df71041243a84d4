namespace Analyzer.Protocols.Ike.Registry;

/// <summary>A recognised vendor ID: its name, what its trailing bytes said (e.g. the Windows version), and what it announces.</summary>
public readonly record struct VendorIdMatch(string Name, string? Detail, VendorIdFeature Features)
{
    /// <summary>The MS NT5 ISAKMPOAKLEY suffix as a number ([MS-IKEE] §2.2.1.1), named by <see cref="VendorIds.WindowsVersion"/>.</summary>
    public uint? WindowsVersion { get; init; }

    /// <summary>"MS NT5 ISAKMPOAKLEY (Windows 7)" style label.</summary>
    public string Label => Detail is null ? Name : Name + " (" + Detail + ")";
}

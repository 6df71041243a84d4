using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// A Vendor ID payload: raw bytes as hex, the known name if any (for display only), printable text
/// if any, and what the registry says it announces. Later stages test <see cref="Features"/> and
/// <see cref="WindowsVersion"/>, never the name.
/// </summary>
public sealed record VendorIdObservation(string Hex, string? Name, string? PrintableText, bool FromInitiator)
{
    public VendorIdFeature Features { get; init; }

    /// <summary>The Windows version number a MS NT5 ISAKMPOAKLEY vendor ID carries (<see cref="VendorIds.WindowsVersion"/> names it).</summary>
    public uint? WindowsVersion { get; init; }
}

using Analyzer.Core;

namespace Analyzer.Capture.Pcapng;

/// <summary>
/// What an Interface Description Block says that packet blocks need: link type, snaplen and how
/// to turn timestamp units into time (if_tsresol, if_tsoffset).
/// </summary>
internal sealed record InterfaceDescription(LinkType LinkType, uint SnapLength, byte ResolutionExponent, bool BinaryResolution, long OffsetSeconds)
{
    public const byte DefaultResolutionExponent = 6;

    private static readonly long[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>Fractional digits the resolution really carries, at most 9.</summary>
    public byte FractionDigits => BinaryResolution
        ? (byte)Math.Min(9, (int)Math.Ceiling(ResolutionExponent * 0.30103))
        : Math.Min(ResolutionExponent, (byte)9);

    /// <summary>if_tsresol values vpndiag can convert: 10^-0..10^-18 and 2^-0..2^-63.</summary>
    public static bool IsSupportedResolution(byte exponent, bool binary) =>
        binary ? exponent <= 63 : exponent < PowersOfTen.Length;

    /// <summary>A 64-bit pcapng timestamp in this interface's units, as a Timestamp.</summary>
    public Timestamp ToTimestamp(ulong units)
    {
        long nanoseconds;
        if (BinaryResolution)
        {
            ulong seconds = ResolutionExponent == 0 ? units : units >> ResolutionExponent;
            ulong fraction = ResolutionExponent == 0 ? 0 : units & ((1UL << ResolutionExponent) - 1);
            nanoseconds = unchecked((long)(seconds * 1_000_000_000UL) + (long)(((UInt128)fraction * 1_000_000_000UL) >> ResolutionExponent));
        }
        else if (ResolutionExponent <= 9)
        {
            nanoseconds = unchecked((long)units * PowersOfTen[9 - ResolutionExponent]);
        }
        else
        {
            nanoseconds = (long)(units / (ulong)PowersOfTen[ResolutionExponent - 9]);
        }

        return new Timestamp(unchecked(nanoseconds + (OffsetSeconds * 1_000_000_000L)), FractionDigits);
    }
}

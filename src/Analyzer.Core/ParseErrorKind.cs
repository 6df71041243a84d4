namespace Analyzer.Core;

/// <summary>Why a reader stopped. Readers return these as values; exceptions mean a bug in vpndiag.</summary>
public enum ParseErrorKind : byte
{
    None = 0,
    /// <summary>Fewer bytes remain than the structure needs.</summary>
    Truncated,
    /// <summary>A length field is smaller than its header or larger than what remains.</summary>
    BadLength,
    /// <summary>A magic number or signature is not what the format requires.</summary>
    BadMagic,
    /// <summary>A version or type this reader recognises but does not decode.</summary>
    Unsupported,
    /// <summary>A field holds a value the format forbids.</summary>
    BadValue,
    /// <summary>A checksum or CRC does not match the bytes it covers.</summary>
    BadChecksum,
    /// <summary>A configured limit (size, count, depth) was reached.</summary>
    LimitReached,
}

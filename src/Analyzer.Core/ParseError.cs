using System.Globalization;

namespace Analyzer.Core;

/// <summary>
/// A reader's failure as a value: what went wrong and where, as an offset relative to the span the
/// reader was handed (the caller adds its own base to make it a file offset).
/// </summary>
public readonly record struct ParseError(ParseErrorKind Kind, long Offset, string Detail)
{
    public bool IsError => Kind != ParseErrorKind.None;

    public static ParseError Truncated(long offset, long needed, long available) =>
        new(ParseErrorKind.Truncated, offset,
            string.Create(CultureInfo.InvariantCulture, $"needs {needed} bytes, {available} remain"));

    public static ParseError BadLength(long offset, long length, long available) =>
        new(ParseErrorKind.BadLength, offset,
            string.Create(CultureInfo.InvariantCulture, $"length {length} does not fit the {available} bytes that remain"));

    public static ParseError BadValue(long offset, string detail) => new(ParseErrorKind.BadValue, offset, detail);

    public static ParseError Unsupported(long offset, string detail) => new(ParseErrorKind.Unsupported, offset, detail);

    /// <summary>The same error moved by <paramref name="baseOffset"/>, when a nested reader's result is reported by its parent.</summary>
    public ParseError At(long baseOffset) => this with { Offset = Offset + baseOffset };

    // Read by people (one-line input errors, anomaly details in reports): words, not the enum's identifier.
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Words(Kind)} at offset 0x{Offset:X}: {Detail}");

    private static string Words(ParseErrorKind kind) => kind switch
    {
        ParseErrorKind.Truncated => "truncated",
        ParseErrorKind.BadLength => "bad length",
        ParseErrorKind.BadMagic => "bad magic number",
        ParseErrorKind.Unsupported => "unsupported",
        ParseErrorKind.BadValue => "bad value",
        ParseErrorKind.BadChecksum => "bad checksum",
        ParseErrorKind.LimitReached => "limit reached",
        _ => "no error",
    };
}

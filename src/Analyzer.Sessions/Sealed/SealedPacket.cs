using Analyzer.Core;

namespace Analyzer.Sessions.Sealed;

/// <summary>
/// One ESP packet as an observer without keys sees it: when, which way, on which SPI and how long.
/// Sizes, timing and direction are all that survive encryption; the inference layer in Diagnosis
/// reads what the tunnel carried from these alone. The endpoints are the <see cref="SealedPath"/>'s:
/// a packet only says which of the two sent it, so a quarter of a million packets stay compact.
/// </summary>
/// <remarks>
/// The frame reference is kept as its parts, widest first, so a packet is 32 bytes: a
/// <see cref="FrameRef"/> field alone is 32 (its <see cref="Timestamp"/> pads a byte to 16), which
/// made a packet 48 and the store of 240 000 packets on a 1 GB capture half as large again
/// (docs/performance.md, issue 18's clause, fifth session).
/// </remarks>
public readonly struct SealedPacket : IEquatable<SealedPacket>
{
    private readonly long _frame;
    private readonly long _unixNanoseconds;
    private readonly int _inputIndex;
    private readonly int _length;
    private readonly uint _spi;
    private readonly byte _fractionDigits;
    private readonly bool _fromFirst;

    /// <param name="fromFirst">Sent by the path's <see cref="SealedPath.First"/> endpoint (the sender of its first packet).</param>
    /// <param name="length">ESP bytes from the SPI to the end of the ICV (the same measure for raw and UDP-encapsulated ESP).</param>
    public SealedPacket(FrameRef frame, bool fromFirst, uint spi, int length)
    {
        _frame = frame.Frame;
        _unixNanoseconds = frame.Time.UnixNanoseconds;
        _inputIndex = frame.InputIndex;
        _fractionDigits = frame.Time.FractionDigits;
        _fromFirst = fromFirst;
        _spi = spi;
        _length = length;
    }

    public FrameRef Frame => new(_inputIndex, _frame, Time);

    /// <summary>Sent by the path's <see cref="SealedPath.First"/> endpoint (the sender of its first packet).</summary>
    public bool FromFirst => _fromFirst;

    public uint Spi => _spi;

    /// <summary>ESP bytes from the SPI to the end of the ICV (the same measure for raw and UDP-encapsulated ESP).</summary>
    public int Length => _length;

    public Timestamp Time => new(_unixNanoseconds, _fractionDigits);

    public bool Equals(SealedPacket other) =>
        _frame == other._frame && _unixNanoseconds == other._unixNanoseconds && _inputIndex == other._inputIndex
        && _length == other._length && _spi == other._spi && _fractionDigits == other._fractionDigits && _fromFirst == other._fromFirst;

    public override bool Equals(object? obj) => obj is SealedPacket other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_frame, _unixNanoseconds, _inputIndex, _length, _spi, _fractionDigits, _fromFirst);

    public static bool operator ==(SealedPacket left, SealedPacket right) => left.Equals(right);

    public static bool operator !=(SealedPacket left, SealedPacket right) => !left.Equals(right);

    public override string ToString() => $"SealedPacket {{ Frame = {Frame}, FromFirst = {FromFirst}, Spi = {Spi}, Length = {Length} }}";
}

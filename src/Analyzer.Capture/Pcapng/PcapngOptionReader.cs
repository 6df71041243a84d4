using Analyzer.Capture.IO;

namespace Analyzer.Capture.Pcapng;

/// <summary>
/// Walks a block's options (draft-ietf-opsawg-pcapng §3.5): code(2) length(2) value padded to 4.
/// Stops at opt_endofopt, at the end of the bytes, or at an option longer than what remains.
/// </summary>
internal ref struct PcapngOptionReader
{
    public const ushort EndOfOptions = 0;
    public const ushort Comment = 1;

    /// <summary>epb_packetid: a 64-bit id shared by the copies of one packet seen at several capture points.</summary>
    public const ushort PacketId = 5;

    private readonly ReadOnlySpan<byte> _options;
    private readonly bool _bigEndian;
    private int _offset;

    public PcapngOptionReader(ReadOnlySpan<byte> options, bool bigEndian)
    {
        _options = options;
        _bigEndian = bigEndian;
    }

    /// <summary>True when an option was cut short or overran the block; the caller may report it.</summary>
    public bool Overran { get; private set; }

    public bool TryRead(out ushort code, out ReadOnlySpan<byte> value)
    {
        code = 0;
        value = default;
        ReadOnlySpan<byte> rest = _options[_offset..];
        if (rest.Length < 4)
        {
            return false;
        }

        code = Endian.Read16(rest, _bigEndian);
        int length = Endian.Read16(rest[2..], _bigEndian);
        if (code == EndOfOptions)
        {
            return false;
        }

        if (length > rest.Length - 4)
        {
            Overran = true;
            return false;
        }

        value = rest.Slice(4, length);
        _offset += 4 + ((length + 3) & ~3);
        _offset = Math.Min(_offset, _options.Length);
        return true;
    }
}

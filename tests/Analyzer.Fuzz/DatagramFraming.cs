using System.Buffers.Binary;

namespace Analyzer.Fuzz;

/// <summary>Splits a fuzz input into messages: 16-bit big-endian length, then the bytes (cut at the end).</summary>
public ref struct DatagramFraming(ReadOnlySpan<byte> input)
{
    private ReadOnlySpan<byte> _rest = input;

    public bool TryNext(out ReadOnlySpan<byte> message)
    {
        message = default;
        if (_rest.Length < 2)
        {
            return false;
        }

        int length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(_rest), _rest.Length - 2);
        message = _rest.Slice(2, length);
        _rest = _rest[(2 + length)..];
        return true;
    }

    /// <summary>Writes one message in this framing (used to build seeds from real captures).</summary>
    public static void Write(Stream output, ReadOnlySpan<byte> message)
    {
        Span<byte> prefix = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)Math.Min(message.Length, ushort.MaxValue));
        output.Write(prefix);
        output.Write(message[..Math.Min(message.Length, ushort.MaxValue)]);
    }
}

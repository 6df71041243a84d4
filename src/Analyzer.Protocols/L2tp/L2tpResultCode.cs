using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.L2tp;

/// <summary>
/// A Result Code AVP value (RFC 2661 §4.4.2): a result code, then optionally an error code, then
/// optionally a message (the rest of the AVP, free text from the peer).
/// </summary>
public readonly ref struct L2tpResultCode
{
    private L2tpResultCode(ushort result, ushort? error, ReadOnlySpan<byte> message)
    {
        Result = result;
        Error = error;
        Message = message;
    }

    public ushort Result { get; }

    public ushort? Error { get; }

    /// <summary>Raw message bytes; empty when absent. Untrusted text from the peer.</summary>
    public ReadOnlySpan<byte> Message { get; }

    public static bool TryRead(ReadOnlySpan<byte> value, out L2tpResultCode resultCode, out ParseError error)
    {
        resultCode = default;
        error = default;
        if (value.Length < 2)
        {
            error = ParseError.Truncated(0, 2, value.Length);
            return false;
        }

        ushort result = BinaryPrimitives.ReadUInt16BigEndian(value);
        if (value.Length < 4)
        {
            // One stray byte after the result code cannot be an error code: RFC 2661 makes the AVP 8 or 10+ bytes.
            resultCode = new L2tpResultCode(result, null, default);
            return true;
        }

        resultCode = new L2tpResultCode(result, BinaryPrimitives.ReadUInt16BigEndian(value[2..]), value[4..]);
        return true;
    }
}

namespace Analyzer.Protocols.Ppp;

/// <summary>One configuration option (RFC 1661 §6): type and the value bytes after the two-byte type/length.</summary>
public readonly ref struct PppOption
{
    public PppOption(byte type, ReadOnlySpan<byte> value, int offset)
    {
        Type = type;
        Value = value;
        Offset = offset;
    }

    public byte Type { get; }

    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Where the option starts in the packet's data.</summary>
    public int Offset { get; }
}

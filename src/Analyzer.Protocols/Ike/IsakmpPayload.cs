namespace Analyzer.Protocols.Ike;

/// <summary>One payload of a chain: its type, its body (after the 4-byte generic header) and where it starts.</summary>
public readonly ref struct IsakmpPayload
{
    public IsakmpPayload(PayloadType type, byte nextPayload, bool critical, ReadOnlySpan<byte> body, int offset)
    {
        Type = type;
        NextPayload = nextPayload;
        Critical = critical;
        Body = body;
        Offset = offset;
    }

    public PayloadType Type { get; }

    /// <summary>The raw next-payload byte (for IKEv2 SK/SKF: the first inner payload).</summary>
    public byte NextPayload { get; }

    public bool Critical { get; }

    public ReadOnlySpan<byte> Body { get; }

    /// <summary>Offset of the generic payload header, relative to the span the reader was given.</summary>
    public int Offset { get; }
}

namespace Analyzer.Protocols.L2tp;

/// <summary>
/// One attribute-value pair (RFC 2661 §4.1) as a view into the message: flags, vendor, type and the
/// value bytes (still encrypted when <see cref="Hidden"/>). <see cref="Offset"/> is where the AVP
/// starts in the L2TP message.
/// </summary>
public readonly ref struct L2tpAvp
{
    public L2tpAvp(bool mandatory, bool hidden, ushort vendorId, ushort type, ReadOnlySpan<byte> value, int offset)
    {
        Mandatory = mandatory;
        Hidden = hidden;
        VendorId = vendorId;
        Type = type;
        Value = value;
        Offset = offset;
    }

    public bool Mandatory { get; }

    public bool Hidden { get; }

    /// <summary>0 for the IETF AVPs of RFC 2661; an SMI enterprise number otherwise.</summary>
    public ushort VendorId { get; }

    public ushort Type { get; }

    public ReadOnlySpan<byte> Value { get; }

    public int Offset { get; }

    public bool IsStandard => VendorId == 0;
}

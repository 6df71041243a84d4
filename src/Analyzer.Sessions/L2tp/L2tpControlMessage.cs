using Analyzer.Protocols.L2tp;
using Analyzer.Core;

namespace Analyzer.Sessions.L2tp;

/// <summary>One L2TP control message (ZLB acknowledgements included), in frame order.</summary>
public sealed class L2tpControlMessage
{
    public required FrameRef Frame { get; init; }

    public required NetEndpoint From { get; init; }

    public required NetEndpoint To { get; init; }

    /// <summary>
    /// The Message Type AVP's value (RFC 2661 §4.4.1), <see cref="L2tpMessageType.Zlb"/> for a ZLB
    /// acknowledgement, null when the message had no readable Message Type AVP. <c>L2tpMessageTypes.Name</c>
    /// names it ("SCCRQ", "CDN", "malformed") where text is made.
    /// </summary>
    public required L2tpMessageType? MessageType { get; init; }

    public ushort TunnelId { get; init; }

    public ushort SessionId { get; init; }

    public ushort Ns { get; init; }

    public ushort Nr { get; init; }

    /// <summary>False when the S bit was clear (malformed for a control message): <see cref="Ns"/> and <see cref="Nr"/> are then 0 and meaningless.</summary>
    public bool SequencePresent { get; init; } = true;

    public bool IsZlb { get; init; }

    public bool Retransmission { get; set; }

    public List<L2tpAvpValue> Avps { get; init; } = [];

    /// <summary>Read from a decrypted ESP packet of this SPI (same frame); null when captured in clear.</summary>
    public uint? DecryptedFromSpi { get; init; }

    /// <summary>Hash of the L2TP bytes, for pairing across captures.</summary>
    public ulong ContentHash { get; init; }
}

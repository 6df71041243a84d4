using Analyzer.Core;

namespace Analyzer.Sessions.Ledger;

/// <summary>
/// One packet's fingerprint: enough to find the same packet in another capture and to tell whether
/// it changed on the way, without keeping the capture.
/// </summary>
/// <param name="Flow">Index into <see cref="PacketLedger.Flows"/>: source and destination as this capture saw them.</param>
/// <param name="Identity">What ties the packet to a conversation: IKE initiator cookie/SPI, ESP SPI, L2TP tunnel id; 0 for keepalives.</param>
/// <param name="MatchKey">Which packet this is, regardless of content and addresses: IKE header (cookies, message id, exchange, flags, length), ESP SPI and sequence number, L2TP tunnel, session, Ns, Nr and length.</param>
/// <param name="ContentHash">XXH3 of the payload bytes as captured: equal keys with unequal hashes are a modified packet.</param>
/// <param name="WireLength">Payload length on the wire.</param>
/// <param name="HopLimit">IPv4 TTL or IPv6 hop limit: falls by one per router, so it orders vantage points along the path.</param>
/// <param name="FragmentCount">IP fragments the datagram came in (1 = not fragmented); for an incomplete one, how many arrived.</param>
/// <param name="BytesAt">Where <see cref="PacketLedger.BytesOf"/> finds the kept payload bytes.</param>
/// <param name="BytesLength">How many payload bytes were kept (0 when the byte budget was spent).</param>
public readonly record struct LedgerEntry(
    FrameRef Frame,
    LedgerProtocol Protocol,
    LedgerEntryFlags Flags,
    int Flow,
    ulong Identity,
    ulong MatchKey,
    ulong ContentHash,
    int WireLength,
    byte HopLimit,
    ushort IpIdentification,
    byte FragmentCount,
    long BytesAt,
    int BytesLength)
{
    public bool Has(LedgerEntryFlags flag) => (Flags & flag) != 0;

    public Timestamp Time => Frame.Time;
}

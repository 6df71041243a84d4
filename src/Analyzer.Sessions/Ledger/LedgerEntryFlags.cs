namespace Analyzer.Sessions.Ledger;

[Flags]
public enum LedgerEntryFlags : ushort
{
    None = 0,
    /// <summary>An IKE message known to come from the SA's initiator (IKEv2 I flag, or an IKEv1 message before the responder cookie existed).</summary>
    FromInitiator = 1,
    /// <summary>An IKE message known to come from the SA's responder.</summary>
    FromResponder = 2,
    /// <summary>Carried in UDP 4500: ESP-in-UDP or IKE after the non-ESP marker.</summary>
    UdpEncapsulated = 4,
    /// <summary>The capture holds fewer bytes than were on the wire: compare only what both sides kept.</summary>
    Truncated = 8,
    /// <summary>Some fragments of an IP datagram, never reassembled (from <see cref="PacketLedger.ObserveIncomplete"/>).</summary>
    Incomplete = 16,
    /// <summary>A NAT-T keepalive (one 0xFF byte).</summary>
    Keepalive = 32,
    /// <summary>The match key does not single out one packet (keepalives, L2TP data without Ns/Nr): pair by time only.</summary>
    WeakKey = 64,
    /// <summary>An L2TP SCCRQ: its sender is the LAC, the client side.</summary>
    StartsTunnel = 128,
    /// <summary>The byte budget was spent: no payload bytes were kept, only the hash.</summary>
    BytesNotKept = 256,
}

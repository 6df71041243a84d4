using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Tests.Ledger;

/// <summary>One VPN datagram as tshark dissected it.</summary>
internal sealed record TsharkPacket(long Frame, Timestamp Time, TrafficKind Kind, NetEndpoint Source, NetEndpoint Destination,
    byte[] Payload, int WireLength, bool Truncated, byte HopLimit, ushort IpId, int Fragments);

using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Testing;

/// <summary>One VPN datagram as tshark dissected it.</summary>
public sealed record TsharkPacket(long Frame, Timestamp Time, TrafficKind Kind, NetEndpoint Source, NetEndpoint Destination,
    byte[] Payload, int WireLength, bool Truncated, byte HopLimit, ushort IpId, int Fragments);

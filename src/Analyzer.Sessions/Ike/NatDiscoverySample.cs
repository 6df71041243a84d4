using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// NAT-D hashes as one message carried them, with the addresses that message had at the capture point.
/// IKEv1 (RFC 3947 §3.2): the first hash is the receiver's address, the rest the sender's.
/// IKEv2 (RFC 7296 §2.23): SOURCE_IP hashes and DESTINATION_IP hashes, told apart.
/// </summary>
internal sealed record NatDiscoverySample(
    bool FromInitiator,
    ulong InitiatorCookie,
    ulong ResponderCookie,
    NetEndpoint Source,
    NetEndpoint Destination,
    IReadOnlyList<byte[]> SourceHashes,
    IReadOnlyList<byte[]> DestinationHashes);

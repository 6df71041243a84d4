using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Ike;

/// <summary>An IP-fragmented IKE datagram of this SA that never completed at the capture point, with the message it most likely was.</summary>
public sealed record IkeLostDatagram(IncompleteIpDatagram Datagram, bool FromInitiator, bool MatchedByCookies, IkeExchangeKind Exchange, int? ProbableMessage);

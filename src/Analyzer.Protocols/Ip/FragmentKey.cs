using Analyzer.Core;

namespace Analyzer.Protocols.Ip;

/// <summary>RFC 791 / RFC 8200 §4.5: fragments belong together by addresses, identification and (IPv4) protocol.</summary>
internal readonly record struct FragmentKey(NetAddress Source, NetAddress Destination, uint Identification, byte Protocol);

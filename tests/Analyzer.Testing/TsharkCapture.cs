using Analyzer.Core;

namespace Analyzer.Testing;

/// <summary>A capture's VPN packets and the time span of all its frames (VPN or not).</summary>
public sealed record TsharkCapture(List<TsharkPacket> Packets, Timestamp? FirstTime, Timestamp? LastTime);

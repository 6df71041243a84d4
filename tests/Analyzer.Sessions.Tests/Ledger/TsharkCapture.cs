using Analyzer.Core;

namespace Analyzer.Sessions.Tests.Ledger;

/// <summary>A capture's VPN packets and the time span of all its frames (VPN or not).</summary>
internal sealed record TsharkCapture(List<TsharkPacket> Packets, Timestamp? FirstTime, Timestamp? LastTime);

using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Tests.Ledger;

/// <summary>Receives a datagram the way a session-stage sink does (by reference: it is a ref struct).</summary>
internal delegate void VpnDatagramObserver(in VpnDatagram datagram);

using Analyzer.Protocols.Traffic;

namespace Analyzer.Testing;

/// <summary>Receives a datagram the way a session-stage sink does (by reference: it is a ref struct).</summary>
public delegate void VpnDatagramObserver(in VpnDatagram datagram);

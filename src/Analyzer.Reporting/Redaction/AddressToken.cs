using Analyzer.Core;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// An address found in text: where it is, and where its port is when one is written next to it
/// ("192.0.2.1:500", "[2001:db8::1]:4500", charon's "2001:db8::1[500]"); PortLength 0 when none.
/// </summary>
internal readonly record struct AddressToken(int Index, int Length, NetAddress Address, int PortIndex, int PortLength, ushort Port);

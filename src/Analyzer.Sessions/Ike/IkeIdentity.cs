using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>An ID payload (RFC 2407 §4.6.2): type name, value as text, protocol and port.</summary>
public sealed record IkeIdentity(FrameRef Frame, bool FromInitiator, string Type, string Value, byte Protocol, ushort Port);

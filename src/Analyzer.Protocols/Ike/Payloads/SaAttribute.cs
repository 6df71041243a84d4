namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// One data attribute (RFC 2408 §3.3): the type without its AF bit, and its value as a number when
/// it fits in 8 bytes (TV form always does), else the raw bytes.
/// </summary>
public sealed record SaAttribute(ushort Type, long? Value, byte[]? Raw);

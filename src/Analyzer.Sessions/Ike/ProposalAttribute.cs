namespace Analyzer.Sessions.Ike;

/// <summary>
/// One IKEv1 SA attribute (RFC 2408 §3.3: type, and a number or variable-length bytes) or one IKEv2
/// transform (RFC 7296 §3.3.2: type as <see cref="Type"/>, ID as <see cref="Value"/>, its Key Length
/// attribute as <see cref="KeyLength"/>).
/// </summary>
public sealed record ProposalAttribute(int Type, long? Value, byte[]? Raw = null, int? KeyLength = null);

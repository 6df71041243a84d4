namespace Analyzer.Sessions.L2tp;

/// <summary>A Result Code AVP (RFC 2661 §4.4.2) decoded: result, optional error, optional message, with names.</summary>
public sealed record L2tpResult(ushort ResultCode, string ResultName, ushort? ErrorCode, string? ErrorName, string? Message);

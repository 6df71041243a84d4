namespace Analyzer.Sessions.L2tp;

/// <summary>One AVP as the report shows it: name, value as text (hex for unknown/vendor), flags.</summary>
public sealed record L2tpAvpValue(ushort VendorId, ushort Type, string Name, string Value, bool Mandatory, bool Hidden);

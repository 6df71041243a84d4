namespace Analyzer.Protocols.Ike;

/// <summary>Header flags: IKEv1 E/C/A (RFC 2408 §3.1), IKEv2 I/V/R (RFC 7296 §3.1).</summary>
[Flags]
public enum IsakmpFlags : byte
{
    None = 0,
    Encryption = 0x01,
    Commit = 0x02,
    AuthenticationOnly = 0x04,
    Initiator = 0x08,
    Version = 0x10,
    Response = 0x20,
}

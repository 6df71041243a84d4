namespace Analyzer.Protocols.Ike;

/// <summary>The 28-byte ISAKMP/IKE header (RFC 2408 §3.1, RFC 7296 §3.1).</summary>
public readonly record struct IsakmpHeader(
    ulong InitiatorCookie,
    ulong ResponderCookie,
    PayloadType FirstPayload,
    byte MajorVersion,
    byte MinorVersion,
    ExchangeType Exchange,
    IsakmpFlags Flags,
    uint MessageId,
    uint Length)
{
    public bool IsV2 => MajorVersion == 2;

    /// <summary>IKEv1 E flag: the payloads after the header are encrypted.</summary>
    public bool IsEncrypted => !IsV2 && (Flags & IsakmpFlags.Encryption) != 0;

    /// <summary>IKEv2 only: sent by the original initiator.</summary>
    public bool V2Initiator => (Flags & IsakmpFlags.Initiator) != 0;

    /// <summary>IKEv2 only: a response.</summary>
    public bool V2Response => (Flags & IsakmpFlags.Response) != 0;
}

using System.Collections.Frozen;

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// Short payload labels for one-line message diagrams, in the RFCs' own notation (RFC 2409 §5 "HDR,
/// SA, KE, Ni", RFC 7296 §1.2 "IDi, AUTH, SAi2, TSi"). Types without a row use their full name.
/// </summary>
public static class PayloadAbbreviations
{
    private static readonly FrozenDictionary<PayloadType, string> Table = new Dictionary<PayloadType, string>
    {
        [PayloadType.SecurityAssociation] = "SA",
        [PayloadType.KeyExchange] = "KE",
        [PayloadType.Nonce] = "Ni/r",
        [PayloadType.Identification] = "ID",
        [PayloadType.VendorId] = "VID",
        [PayloadType.Certificate] = "CERT",
        [PayloadType.CertificateRequest] = "CERTREQ",
        [PayloadType.Signature] = "SIG",
        [PayloadType.Hash] = "HASH",
        [PayloadType.Notification] = "N",
        [PayloadType.Delete] = "D",
        [PayloadType.NatDiscovery] = "NAT-D",
        [PayloadType.NatDiscoveryDraft] = "NAT-D",
        [PayloadType.V2SecurityAssociation] = "SA",
        [PayloadType.V2KeyExchange] = "KE",
        [PayloadType.V2Nonce] = "Ni/r",
        [PayloadType.V2IdentificationInitiator] = "IDi",
        [PayloadType.V2IdentificationResponder] = "IDr",
        [PayloadType.V2Certificate] = "CERT",
        [PayloadType.V2CertificateRequest] = "CERTREQ",
        [PayloadType.V2Authentication] = "AUTH",
        [PayloadType.V2Notify] = "N",
        [PayloadType.V2Delete] = "D",
        [PayloadType.V2VendorId] = "VID",
        [PayloadType.V2TrafficSelectorInitiator] = "TSi",
        [PayloadType.V2TrafficSelectorResponder] = "TSr",
        [PayloadType.V2Encrypted] = "SK",
        [PayloadType.V2Configuration] = "CP",
        [PayloadType.V2Eap] = "EAP",
        [PayloadType.V2EncryptedFragment] = "SKF",
    }.ToFrozenDictionary();

    public static string Of(PayloadType type) => Table.TryGetValue(type, out string? label) ? label : PayloadNames.Name(type);
}

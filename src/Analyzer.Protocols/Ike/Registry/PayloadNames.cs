namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// Payload type names as tshark prints them (RFC 2408 §3.1, RFC 3947, draft-ietf-ipsec-nat-t-ike,
/// RFC 7296 §3.2, RFC 7383), so the report and the tshark oracle speak the same words.
/// </summary>
public static class PayloadNames
{
    public static NameTable Table { get; } = new(new Dictionary<int, string>
    {
        [0] = "NONE / No Next Payload",
        [1] = "Security Association",
        [2] = "Proposal",
        [3] = "Transform",
        [4] = "Key Exchange",
        [5] = "Identification",
        [6] = "Certificate",
        [7] = "Certificate Request",
        [8] = "Hash",
        [9] = "Signature",
        [10] = "Nonce",
        [11] = "Notification",
        [12] = "Delete",
        [13] = "Vendor ID",
        [14] = "Attributes",
        [15] = "SA KEK Payload",
        [16] = "SA TEK Payload",
        [17] = "Key Download",
        [18] = "Sequence Number",
        [19] = "Proof of Possession",
        [20] = "NAT-D (RFC 3947)",
        [21] = "NAT-OA (RFC 3947)",
        [22] = "Group Associated Policy",
        [33] = "Security Association",
        [34] = "Key Exchange",
        [35] = "Identification - Initiator",
        [36] = "Identification - Responder",
        [37] = "Certificate",
        [38] = "Certificate Request",
        [39] = "Authentication",
        [40] = "Nonce",
        [41] = "Notify",
        [42] = "Delete",
        [43] = "Vendor ID",
        [44] = "Traffic Selector - Initiator",
        [45] = "Traffic Selector - Responder",
        [46] = "Encrypted and Authenticated",
        [47] = "Configuration",
        [48] = "Extensible Authentication",
        [49] = "Generic Secure Password Method",
        [50] = "Group Identification",
        [51] = "Group Security Association",
        [52] = "Key Download",
        [53] = "Encrypted and Authenticated Fragment",
        [130] = "NAT-D (draft-ietf-ipsec-nat-t-ike-01 to 03)",
        [131] = "NAT-OA (draft-ietf-ipsec-nat-t-ike-01 to 03)",
        [132] = "Cisco-Fragmentation",
    }, (23, 32, "Unassigned"), (54, 127, "Unassigned"), (128, 129, "Private Use"), (133, 255, "Private Use"));

    public static string Name(PayloadType type) => Table.Name((int)type);
}

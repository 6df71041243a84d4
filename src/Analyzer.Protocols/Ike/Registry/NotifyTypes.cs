namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// Notify message types. IKEv1: RFC 2408 §3.14.1 (errors 1–30), RFC 2407 §4.6.3 (IPsec DOI status),
/// RFC 3706 (DPD), Cisco/vendor status values. IKEv2: RFC 7296 §3.10.1 and the IANA IKEv2 registry.
/// </summary>
public static class NotifyTypes
{
    public const ushort V1NoProposalChosen = 14;
    public const ushort V1PayloadMalformed = 16;
    public const ushort V1InvalidKeyInformation = 17;
    public const ushort V1InvalidIdInformation = 18;
    public const ushort V1InvalidHashInformation = 23;
    public const ushort V1AuthenticationFailed = 24;
    public const ushort V1InvalidSignature = 25;
    public const ushort V1InitialContact = 24578;
    public const ushort V1DpdRuThere = 36136;
    public const ushort V1DpdRuThereAck = 36137;
    public const ushort V2NoProposalChosen = 14;
    public const ushort V2InvalidKePayload = 17;
    public const ushort V2AuthenticationFailed = 24;
    public const ushort V2SinglePairRequired = 34;
    public const ushort V2NoAdditionalSas = 35;
    public const ushort V2InternalAddressFailure = 36;
    public const ushort V2FailedCpRequired = 37;
    public const ushort V2TsUnacceptable = 38;
    public const ushort V2NatDetectionSourceIp = 16388;
    public const ushort V2NatDetectionDestinationIp = 16389;
    public const ushort V2Cookie = 16390;
    public const ushort V2Redirect = 16407;
    public const ushort V2FragmentationSupported = 16430;

    public static NameTable V1 { get; } = new(new Dictionary<int, string>
    {
        [1] = "INVALID-PAYLOAD-TYPE",
        [2] = "DOI-NOT-SUPPORTED",
        [3] = "SITUATION-NOT-SUPPORTED",
        [4] = "INVALID-COOKIE",
        [5] = "INVALID-MAJOR-VERSION",
        [6] = "INVALID-MINOR-VERSION",
        [7] = "INVALID-EXCHANGE-TYPE",
        [8] = "INVALID-FLAGS",
        [9] = "INVALID-MESSAGE-ID",
        [10] = "INVALID-PROTOCOL-ID",
        [11] = "INVALID-SPI",
        [12] = "INVALID-TRANSFORM-ID",
        [13] = "ATTRIBUTES-NOT-SUPPORTED",
        [14] = "NO-PROPOSAL-CHOSEN",
        [15] = "BAD-PROPOSAL-SYNTAX",
        [16] = "PAYLOAD-MALFORMED",
        [17] = "INVALID-KEY-INFORMATION",
        [18] = "INVALID-ID-INFORMATION",
        [19] = "INVALID-CERT-ENCODING",
        [20] = "INVALID-CERTIFICATE",
        [21] = "CERT-TYPE-UNSUPPORTED",
        [22] = "INVALID-CERT-AUTHORITY",
        [23] = "INVALID-HASH-INFORMATION",
        [24] = "AUTHENTICATION-FAILED",
        [25] = "INVALID-SIGNATURE",
        [26] = "ADDRESS-NOTIFICATION",
        [27] = "NOTIFY-SA-LIFETIME",
        [28] = "CERTIFICATE-UNAVAILABLE",
        [29] = "UNSUPPORTED-EXCHANGE-TYPE",
        [30] = "UNEQUAL-PAYLOAD-LENGTHS",
        [16384] = "CONNECTED",
        [24576] = "RESPONDER-LIFETIME",
        [24577] = "REPLAY-STATUS",
        [24578] = "INITIAL-CONTACT",
        [36136] = "R-U-THERE",
        [36137] = "R-U-THERE-ACK",
        [40500] = "UNITY-LOAD-BALANCE",
        [40501] = "UNITY-LOAD-BALANCE",
        [40502] = "UNITY-GROUP-HASH",
    }, (31, 8191, "RESERVED (Future Use)"), (8192, 16383, "Private Use - Errors"), (16385, 24575, "RESERVED (Future Use) - Status"),
        (24579, 32767, "DOI-specific codes"), (32768, 40959, "Private Use - Status"), (40960, 65535, "RESERVED (Future Use) - Status"));

    public static NameTable V2 { get; } = new(new Dictionary<int, string>
    {
        [1] = "UNSUPPORTED_CRITICAL_PAYLOAD",
        [4] = "INVALID_IKE_SPI",
        [5] = "INVALID_MAJOR_VERSION",
        [7] = "INVALID_SYNTAX",
        [9] = "INVALID_MESSAGE_ID",
        [11] = "INVALID_SPI",
        [14] = "NO_PROPOSAL_CHOSEN",
        [17] = "INVALID_KE_PAYLOAD",
        [24] = "AUTHENTICATION_FAILED",
        [34] = "SINGLE_PAIR_REQUIRED",
        [35] = "NO_ADDITIONAL_SAS",
        [36] = "INTERNAL_ADDRESS_FAILURE",
        [37] = "FAILED_CP_REQUIRED",
        [38] = "TS_UNACCEPTABLE",
        [39] = "INVALID_SELECTORS",
        [40] = "UNACCEPTABLE_ADDRESSES",
        [41] = "UNEXPECTED_NAT_DETECTED",
        [42] = "USE_ASSIGNED_HoA",
        [43] = "TEMPORARY_FAILURE",
        [44] = "CHILD_SA_NOT_FOUND",
        [45] = "INVALID_GROUP_ID",
        [46] = "AUTHORIZATION_FAILED",
        [47] = "STATE_NOT_FOUND",
        [16384] = "INITIAL_CONTACT",
        [16385] = "SET_WINDOW_SIZE",
        [16386] = "ADDITIONAL_TS_POSSIBLE",
        [16387] = "IPCOMP_SUPPORTED",
        [16388] = "NAT_DETECTION_SOURCE_IP",
        [16389] = "NAT_DETECTION_DESTINATION_IP",
        [16390] = "COOKIE",
        [16391] = "USE_TRANSPORT_MODE",
        [16392] = "HTTP_CERT_LOOKUP_SUPPORTED",
        [16393] = "REKEY_SA",
        [16394] = "ESP_TFC_PADDING_NOT_SUPPORTED",
        [16395] = "NON_FIRST_FRAGMENTS_ALSO",
        [16396] = "MOBIKE_SUPPORTED",
        [16397] = "ADDITIONAL_IP4_ADDRESS",
        [16398] = "ADDITIONAL_IP6_ADDRESS",
        [16399] = "NO_ADDITIONAL_ADDRESSES",
        [16400] = "UPDATE_SA_ADDRESSES",
        [16401] = "COOKIE2",
        [16402] = "NO_NATS_ALLOWED",
        [16403] = "AUTH_LIFETIME",
        [16404] = "MULTIPLE_AUTH_SUPPORTED",
        [16405] = "ANOTHER_AUTH_FOLLOWS",
        [16406] = "REDIRECT_SUPPORTED",
        [16407] = "REDIRECT",
        [16408] = "REDIRECTED_FROM",
        [16409] = "TICKET_LT_OPAQUE",
        [16410] = "TICKET_REQUEST",
        [16411] = "TICKET_ACK",
        [16412] = "TICKET_NACK",
        [16413] = "TICKET_OPAQUE",
        [16414] = "LINK_ID",
        [16415] = "USE_WESP_MODE",
        [16416] = "ROHC_SUPPORTED",
        [16417] = "EAP_ONLY_AUTHENTICATION",
        [16418] = "CHILDLESS_IKEV2_SUPPORTED",
        [16419] = "QUICK_CRASH_DETECTION",
        [16420] = "IKEV2_MESSAGE_ID_SYNC_SUPPORTED",
        [16421] = "IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED",
        [16422] = "IKEV2_MESSAGE_ID_SYNC",
        [16423] = "IPSEC_REPLAY_COUNTER_SYNC",
        [16424] = "SECURE_PASSWORD_METHODS",
        [16425] = "PSK_PERSIST",
        [16426] = "PSK_CONFIRM",
        [16427] = "ERX_SUPPORTED",
        [16428] = "IFOM_CAPABILITY",
        [16429] = "SENDER_REQUEST_ID",
        [16430] = "IKEV2_FRAGMENTATION_SUPPORTED",
        [16431] = "SIGNATURE_HASH_ALGORITHMS",
        [16432] = "CLONE_IKE_SA_SUPPORTED",
        [16433] = "CLONE_IKE_SA",
        [16434] = "PUZZLE",
        [16435] = "USE_PPK",
        [16436] = "PPK_IDENTITY",
        [16437] = "NO_PPK_AUTH",
        [16438] = "INTERMEDIATE_EXCHANGE_SUPPORTED",
        [16439] = "IP4_ALLOWED",
        [16440] = "IP6_ALLOWED",
        [16441] = "ADDITIONAL_KEY_EXCHANGE",
        [16442] = "USE_AGGFRAG",
    }, (0, 8191, "Unassigned error"), (8192, 16383, "Private Use - Errors"), (16443, 40959, "Unassigned status"), (40960, 65535, "Private Use - Status"));

    /// <summary>The first status type: below it (1..16383) a notify reports an error, in both versions (RFC 2408 §3.14.1, RFC 7296 §3.10.1).</summary>
    public const ushort FirstStatus = 16384;

    public static string Name(ushort type, bool v2) => v2 ? V2.Name(type) : V1.Name(type);

    /// <summary>Types 1..16383 are errors, 16384 and up status (RFC 2408 §3.14.1, RFC 7296 §3.10.1).</summary>
    public static bool IsError(ushort type) => type is > 0 and < FirstStatus;

    /// <summary>
    /// Answers that mean "I could not authenticate you". IKEv1: ID, certificate, CA, hash, signature
    /// and AUTHENTICATION-FAILED (18..25); PAYLOAD-MALFORMED and INVALID-KEY-INFORMATION count only once
    /// keys are in use, because a responder that cannot decrypt message 5 (pre-shared keys differ)
    /// typically says one of those. IKEv2: AUTHENTICATION_FAILED only (17 there is INVALID_KE_PAYLOAD,
    /// a retry request, not a failure).
    /// </summary>
    public static bool IsAuthenticationFailure(int version, ushort type, bool afterKeyExchange) =>
        version == 2
            ? type == V2AuthenticationFailed
            : type is >= V1InvalidIdInformation and <= V1InvalidSignature
              || (afterKeyExchange && type is V1PayloadMalformed or V1InvalidKeyInformation);

    /// <summary>
    /// IKEv2 errors that refuse only the CHILD SA: in an IKE_AUTH response they leave the IKE SA
    /// established (RFC 7296 §1.2 and §2.21.2: NO_PROPOSAL_CHOSEN, TS_UNACCEPTABLE,
    /// SINGLE_PAIR_REQUIRED, INTERNAL_ADDRESS_FAILURE, FAILED_CP_REQUIRED; NO_ADDITIONAL_SAS in
    /// CREATE_CHILD_SA).
    /// </summary>
    public static bool IsChildSaFailure(ushort v2Type) =>
        v2Type is V2NoProposalChosen or V2TsUnacceptable or V2SinglePairRequired or V2InternalAddressFailure
            or V2FailedCpRequired or V2NoAdditionalSas;

    /// <summary>IKEv2 errors that say the client got no virtual address (RFC 7296 §3.10.1, §3.15.4).</summary>
    public static bool IsAddressAssignmentFailure(ushort v2Type) =>
        v2Type is V2InternalAddressFailure or V2FailedCpRequired;
}

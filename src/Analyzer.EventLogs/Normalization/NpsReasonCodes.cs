using System.Collections.Frozen;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// NPS (RADIUS) reason codes of events 6273–6275. Source: Microsoft's NPS reason code list
/// (IAS_* names), in our own words.
/// </summary>
public static class NpsReasonCodes
{
    public static FrozenDictionary<long, string> Meanings { get; } = new Dictionary<long, string>
    {
        [0] = "success",
        [1] = "internal error in NPS",
        [2] = "access denied",
        [3] = "malformed RADIUS request",
        [4] = "a global catalog server was unavailable",
        [5] = "the domain was unavailable",
        [6] = "the authentication server was unavailable",
        [7] = "the user's domain does not exist",
        [8] = "the user account does not exist",
        [16] = "authentication failed: wrong user name or password, or the authentication method does not match",
        [17] = "the password change failed",
        [18] = "the authentication type is not supported",
        [20] = "the client does not support LM authentication, which the server requires",
        [21] = "an NPS extension DLL rejected the request",
        [22] = "EAP could not be negotiated (client and server have no common EAP type)",
        [23] = "an error occurred during EAP processing (often certificate problems)",
        [32] = "NPS accepts local users only",
        [33] = "the user must change the password",
        [34] = "the user account is disabled",
        [35] = "the user account has expired",
        [36] = "the user account is locked out",
        [37] = "logon is not permitted at this time of day",
        [38] = "an account restriction prevented logon",
        [48] = "the request did not match any network policy",
        [49] = "the request did not match any connection request policy",
        [64] = "the dial-in account is locked out",
        [65] = "network access permission is denied on the user's account (dial-in tab)",
        [66] = "the authentication method used is not enabled in the matching network policy",
        [67] = "the calling station is not allowed",
        [68] = "dial-in is not permitted at this time",
        [69] = "the called station is not allowed",
        [70] = "the NAS port type is not allowed by the network policy",
        [71] = "a network policy restriction was not met",
        [72] = "the user must change the password, but the authentication method does not allow it",
        [73] = "the certificate's purpose does not match the network policy's EAP settings",
        [80] = "the user's account record could not be found",
        [96] = "the session timed out",
        [97] = "an unexpected request was received",
        [112] = "the remote RADIUS server did not answer",
        [113] = "the remote RADIUS server group is unavailable",
        [115] = "no remote RADIUS server group was configured for the request",
        [116] = "the RADIUS proxy could not forward the request",
        [117] = "the RADIUS proxy received an invalid answer",
        [256] = "the client's certificate has been revoked",
        [257] = "the revocation check could not be done: the revocation server was offline",
        [258] = "the revocation check could not be done: no revocation information",
        [259] = "the certificate was issued by a CA that is not trusted",
        [260] = "the message could not be verified (signature)",
        [262] = "the credentials supplied were incomplete",
        [263] = "the credentials could not be obtained in time",
        [264] = "the clocks of NPS and the access client are not synchronised",
        [265] = "the certificate chain ends in a root CA that NPS does not trust",
        [266] = "an unexpected or badly formatted message was received",
        [267] = "the client certificate lacks the Client Authentication purpose",
        [268] = "the client certificate has expired",
        [269] = "client and server have no common cryptographic algorithm (TLS)",
        [270] = "a smart card is required",
        [272] = "the computer account's certificate could not be mapped to an account",
        [273] = "the security package failed to process the credentials",
        [274] = "the certificate does not meet the requirements of the network policy",
        [281] = "the client certificate could not be validated",
        [282] = "the client certificate has no usable key",
        [283] = "the client's certificate is not valid yet or no longer valid",
    }.ToFrozenDictionary();

    public static string? Describe(long code) => Meanings.TryGetValue(code, out string? meaning) ? meaning : null;
}

using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Core;

/// <summary>
/// One Windows error a VPN user or a Windows log shows: its number, its symbol where checked, what it
/// means, and for IKE errors which part of the negotiation it says failed.
/// </summary>
public readonly record struct WindowsError(long Code, string? Symbol, string Meaning, IkeErrorStage IkeStage = IkeErrorStage.Unplaced,
    ErrorStage Stage = ErrorStage.Unplaced, ErrorSide Side = ErrorSide.Unknown);

/// <summary>
/// The one table of Windows error numbers vpndiag names: the Remote Access range (raserror.h,
/// RASBASE 600 upwards, Microsoft's "Routing and Remote Access error codes" list, 600-1000+) and the
/// IKE range (winerror.h ERROR_IPSEC_IKE_*, 13801-13907). Every stage reads it: the MS-CHAP Failure
/// packet's "E=" code (Protocols), RasClient/RemoteAccess events and IPsec audit events (EventLogs),
/// and the rules' summaries (WindowsErrors.Name(691) in rules/*.yaml). For the IKE range, a stage
/// column says which part of the negotiation the code fails (read by the attempts for Windows
/// events 4652/4653, which carry only the code). A second stage column, with a side, places a RAS
/// code in the connection (691 → ppp-auth refused by the server, 809 → the first IKE message
/// unanswered, on the path or at the server): read for RasClient 20227 and RemoteAccess 20271 alone.
/// Where Microsoft's text names no stage the nearest one is given and its row says why (741/742: CCP's
/// MPPE is negotiated in PPP's network phase, beside IPCP). Symbols are given where they
/// were checked against raserror.h and winerror.h, and left null otherwise rather than guessed;
/// meanings are ours, written for the person fixing the account or the server. Numbers stay numbers
/// through the model; text is made here, when a finding or a report spells one.
/// </summary>
public static class WindowsErrors
{
    private static readonly FrozenDictionary<long, WindowsError> Table = new WindowsError[]
    {
        new(600, "PENDING", "an operation is pending"),
        new(619, "ERROR_PORT_DISCONNECTED", "the connection to the remote computer could not be established; the port was closed (often a firewall blocking the VPN protocol)"),
        // Closed before complete names no stage: the nearest is the link coming up (LCP), the first PPP step after the tunnel.
        new(628, "ERROR_DISCONNECTION", "the connection was closed by the remote computer before it was complete", Stage: ErrorStage.PppLcp),
        new(629, "ERROR_REMOTE_DISCONNECTION", "the connection was closed by the remote computer"),
        new(633, "ERROR_PORT_NOT_AVAILABLE", "the modem or VPN device is already in use or not configured"),
        new(646, "ERROR_RESTRICTED_LOGON_HOURS", "the account is not permitted to log on at this time of day", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(647, "ERROR_ACCT_DISABLED", "the account is disabled", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(648, "ERROR_PASSWD_EXPIRED", "the password of the account has expired", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(649, "ERROR_NO_DIALIN_PERMISSION", "the account has no permission to dial in (Network access permission in the user object or NPS policy)", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(651, "ERROR_FROM_DEVICE", "the modem or other connecting device reported an error"),
        new(678, "ERROR_NO_ANSWER", "the remote computer did not respond"),
        new(691, "ERROR_AUTHENTICATION_FAILURE", "access denied: the user name or password is wrong, or the authentication protocol is not permitted on the server", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(692, "ERROR_PORT_OR_DEVICE", "a hardware failure in the modem or other connecting device"),
        new(703, "ERROR_INTERACTIVE_MODE", "the connection needs information from the user, but the application does not allow user interaction"),
        new(708, "ERROR_ACCT_EXPIRED", "the account has expired", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(709, "ERROR_CHANGING_PASSWORD", "changing the password on the domain failed (too short, or matches a previous one)", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(718, "ERROR_PPP_TIMEOUT", "the connection timed out waiting for a valid response from the remote PPP peer", Stage: ErrorStage.PppLcp),
        new(719, "ERROR_PPP_REMOTE_TERMINATED", "the remote computer terminated PPP"),
        new(720, "ERROR_PPP_NO_PROTOCOLS_CONFIGURED", "no PPP network protocol (IPCP) came up: typically the server could not give the client an address", Stage: ErrorStage.PppIpcp, Side: ErrorSide.Server),
        new(721, "ERROR_PPP_NO_RESPONSE", "the remote PPP peer is not responding", Stage: ErrorStage.PppLcp),
        new(732, "ERROR_PPP_NOT_CONVERGING", "the PPP link options (LCP) never converged", Stage: ErrorStage.PppLcp),
        new(733, "ERROR_PPP_CP_REJECTED", "the server rejected the PPP control protocol for this network protocol", Stage: ErrorStage.PppIpcp, Side: ErrorSide.Server),
        new(734, "ERROR_PPP_LCP_TERMINATED", "the PPP link control protocol was terminated", Stage: ErrorStage.PppLcp),
        new(735, "ERROR_PPP_REQUIRED_ADDRESS_REJECTED", "the server rejected the address the client asked for", Stage: ErrorStage.PppIpcp, Side: ErrorSide.Server),
        new(736, "ERROR_PPP_NCP_TERMINATED", "the remote computer terminated the PPP network control protocol"),
        new(737, "ERROR_PPP_LOOPBACK_DETECTED", "the PPP link looped back (the same magic number came back)", Stage: ErrorStage.PppLcp),
        new(738, "ERROR_PPP_NO_ADDRESS_ASSIGNED", "the server did not assign an address", Stage: ErrorStage.PppIpcp, Side: ErrorSide.Server),
        // CCP/MPPE (741-743) has no stage of its own: it runs in PPP's network phase, beside IPCP, after authentication.
        new(741, "ERROR_NO_LOCAL_ENCRYPTION", "this computer does not support the data encryption the other end requires", Stage: ErrorStage.PppIpcp, Side: ErrorSide.Client),
        new(742, "ERROR_NO_REMOTE_ENCRYPTION", "the remote computer does not support the data encryption this end requires", Stage: ErrorStage.PppIpcp, Side: ErrorSide.Server),
        new(743, "ERROR_REMOTE_REQUIRES_ENCRYPTION", "the remote server requires encryption", Stage: ErrorStage.PppIpcp, Side: ErrorSide.Client),
        new(766, null, "a certificate could not be found (the L2TP/IPsec connection needs a machine certificate or a pre-shared key)", Stage: ErrorStage.Phase1Auth, Side: ErrorSide.Client),
        new(768, null, "the connection attempt failed because encrypting the data failed"),
        new(769, null, "the destination is not reachable"),
        new(778, null, "it was not possible to verify the identity of the server"),
        new(781, null, "the encryption attempt failed because no valid certificate was found", Stage: ErrorStage.Phase1Auth, Side: ErrorSide.Client),
        new(786, null, "L2TP/IPsec: no valid machine certificate on this computer for the security (IPsec) authentication", Stage: ErrorStage.Phase1Auth, Side: ErrorSide.Client),
        new(787, null, "L2TP/IPsec: the IPsec layer could not authenticate the remote computer (pre-shared key or certificate rejected)", Stage: ErrorStage.Phase1Auth, Side: ErrorSide.Client),
        new(788, null, "L2TP/IPsec: the IPsec layer could not negotiate compatible parameters with the remote computer", Stage: ErrorStage.Phase1Proposal),
        // "Processing error during initial negotiation": Main Mode, and its usual causes (a wrong pre-shared key, no certificate, NAT-T) fail authentication.
        new(789, null, "L2TP/IPsec: the IPsec layer met a processing error during initial negotiation (often a pre-shared key mismatch, a missing certificate, or the server behind NAT without AssumeUDPEncapsulationContextOnSendRule)", Stage: ErrorStage.Phase1Auth),
        new(790, null, "L2TP/IPsec: certificate validation on the remote computer failed", Stage: ErrorStage.Phase1Auth, Side: ErrorSide.Server),
        new(791, null, "L2TP/IPsec: no IPsec security policy was found for the connection"),
        // Key negotiation timed out: IKE went unanswered; which message only a capture or a 4653's cookies say, so the first one is the nearest.
        new(792, null, "L2TP/IPsec: IPsec security key negotiation timed out (IKE packets are not answered or are dropped on the way)", Stage: ErrorStage.IkeReachability),
        new(793, null, "L2TP/IPsec: an error occurred while negotiating IPsec security"),
        new(794, null, "the RADIUS attribute for this user's framed protocol is not PPP"),
        new(800, null, "the VPN connection could not be established: the server is unreachable or the security parameters do not match"),
        new(806, null, "the VPN connection started but could not complete: a firewall between client and server blocks GRE (PPTP) or the VPN protocol"),
        new(807, null, "the network connection to the VPN server was interrupted (latency, or the server reached its connection limit)"),
        new(809, null, "the VPN server did not respond: a firewall or NAT device between client and server blocks UDP 500/4500 or ESP (or NAT-T is not allowed for a server behind NAT)", Stage: ErrorStage.IkeReachability),
        new(810, null, "the VPN connection could not use a valid certificate"),
        new(812, "ERROR_SERVER_POLICY", "the connection was prevented by a policy on the RAS/VPN server (authentication method or network policy does not match the connection profile)", Stage: ErrorStage.PppAuth, Side: ErrorSide.Server),
        new(813, null, "a second broadband connection to the same destination already exists"),
        new(815, null, "the broadband connection was lost (the modem may have been disconnected)"),
        new(829, null, "the connection was closed because the modem disconnected unexpectedly"),
        new(835, null, "the L2TP connection failed because the IPsec layer could not authenticate the remote computer's certificate", Stage: ErrorStage.Phase1Auth, Side: ErrorSide.Client),
        new(847, null, "the connection failed because the VPN protocol is not configured on the server"),
        new(849, null, "the remote access server does not support the requested tunnel type"),
        new(850, null, "the EAP type required by the server is not installed on this computer"),
        new(868, null, "the VPN server's name could not be resolved"),
        new(13801, "ERROR_IPSEC_IKE_AUTH_FAIL", "IKE authentication credentials are unacceptable (the certificate or pre-shared key was rejected)", IkeErrorStage.Authentication),
        new(13802, "ERROR_IPSEC_IKE_ATTRIB_FAIL", "IKE security attributes are unacceptable", IkeErrorStage.Proposal),
        new(13803, null, "IKE negotiation in progress"),
        new(13804, null, "general processing error"),
        new(13805, null, "negotiation timed out (the peer did not answer)", IkeErrorStage.Unanswered),
        new(13806, "ERROR_IPSEC_IKE_NO_CERT", "IKE could not find a valid machine certificate", IkeErrorStage.Authentication),
        new(13807, null, "the peer deleted the IKE SA before it was established"),
        new(13808, null, "the IKE SA was deleted before it was established"),
        new(13809, null, "the negotiation request waited in the queue too long"),
        new(13813, "ERROR_IPSEC_IKE_DROP_NO_RESPONSE", "no response from the peer", IkeErrorStage.Unanswered),
        new(13814, null, "the negotiation took too long", IkeErrorStage.Unanswered),
        new(13816, "ERROR_IPSEC_IKE_ERROR", "unknown IKE error"),
        new(13817, "ERROR_IPSEC_IKE_CRL_FAILED", "the certificate revocation check failed", IkeErrorStage.Authentication),
        new(13818, "ERROR_IPSEC_IKE_INVALID_KEY_USAGE", "invalid certificate key usage", IkeErrorStage.Authentication),
        new(13819, "ERROR_IPSEC_IKE_INVALID_CERT_TYPE", "invalid certificate type", IkeErrorStage.Authentication),
        new(13820, "ERROR_IPSEC_IKE_NO_PRIVATE_KEY", "the machine certificate has no private key", IkeErrorStage.Authentication),
        new(13822, "ERROR_IPSEC_IKE_DH_FAIL", "Diffie-Hellman computation failed"),
        new(13824, null, "invalid IKE header"),
        new(13825, "ERROR_IPSEC_IKE_NO_POLICY", "no IPsec policy configured", IkeErrorStage.Proposal),
        new(13826, null, "the signature could not be verified", IkeErrorStage.Authentication),
        new(13827, null, "Kerberos authentication failed", IkeErrorStage.Authentication),
        new(13828, "ERROR_IPSEC_IKE_NO_PUBLIC_KEY", "the peer's certificate has no public key", IkeErrorStage.Authentication),
        new(13829, null, "error processing an error payload"),
        new(13830, null, "error processing the SA payload", IkeErrorStage.Proposal),
        new(13831, null, "error processing a proposal payload", IkeErrorStage.Proposal),
        new(13832, null, "error processing a transform payload", IkeErrorStage.Proposal),
        new(13833, null, "error processing the KE payload"),
        new(13834, null, "error processing the ID payload"),
        new(13835, null, "error processing the certificate payload", IkeErrorStage.Authentication),
        new(13836, null, "error processing the certificate request payload", IkeErrorStage.Authentication),
        new(13837, null, "error processing the hash payload (often a pre-shared key mismatch)", IkeErrorStage.Authentication),
        new(13838, null, "error processing the signature payload", IkeErrorStage.Authentication),
        new(13839, null, "error processing the nonce payload"),
        new(13840, null, "error processing the notify payload"),
        new(13841, null, "error processing the delete payload"),
        new(13842, null, "error processing the vendor ID payload"),
        new(13843, null, "an invalid IKE payload was received"),
        new(13846, null, "an invalid cookie was received"),
        new(13847, "ERROR_IPSEC_IKE_NO_PEER_CERT", "the peer did not send a valid machine certificate", IkeErrorStage.Authentication),
        new(13848, "ERROR_IPSEC_IKE_PEER_CRL_FAILED", "the revocation check of the peer's certificate failed", IkeErrorStage.Authentication),
        new(13850, "ERROR_IPSEC_IKE_NO_MM_POLICY", "no matching Main Mode policy", IkeErrorStage.Proposal),
        new(13858, null, "invalid filter"),
        new(13866, "ERROR_IPSEC_IKE_ENCRYPT", "encryption failed"),
        new(13867, "ERROR_IPSEC_IKE_DECRYPT", "decryption failed (often a pre-shared key mismatch)", IkeErrorStage.Authentication),
        new(13868, "ERROR_IPSEC_IKE_POLICY_MATCH", "policy match error"),
        new(13869, null, "unsupported ID"),
        new(13870, null, "hash verification failed (often a pre-shared key mismatch)", IkeErrorStage.Authentication),
        new(13871, null, "invalid hash algorithm", IkeErrorStage.Proposal),
        new(13873, null, "invalid encryption algorithm", IkeErrorStage.Proposal),
        new(13874, null, "invalid authentication algorithm", IkeErrorStage.Proposal),
        new(13875, null, "invalid certificate signature", IkeErrorStage.Authentication),
        new(13882, null, "the Main Mode SA limit was reached"),
        new(13887, null, "the certificate chain does not match the policy (no trusted root from the configured CAs)", IkeErrorStage.Authentication),
    }.ToFrozenDictionary(e => e.Code);

    public static bool IsKnown(long code) => Table.ContainsKey(code);

    /// <summary>Which part of an IKE negotiation the code says failed; <see cref="IkeErrorStage.Unplaced"/> for unknown codes.</summary>
    public static IkeErrorStage IkeStage(long code) => Table.TryGetValue(code, out WindowsError error) ? error.IkeStage : IkeErrorStage.Unplaced;

    /// <summary>
    /// The connection stage the code says failed: the RAS column, else for an IKE code its IKE stage
    /// (waiting with no answer is the first message unanswered: only a 4652/4653's cookies can say a
    /// later one was), else <see cref="ErrorStage.Unplaced"/>.
    /// </summary>
    public static ErrorStage Stage(long code) => !Table.TryGetValue(code, out WindowsError error) ? ErrorStage.Unplaced
        : error.Stage != ErrorStage.Unplaced ? error.Stage
        : error.IkeStage switch
        {
            IkeErrorStage.Unanswered => ErrorStage.IkeReachability,
            IkeErrorStage.Proposal => ErrorStage.Phase1Proposal,
            IkeErrorStage.Authentication => ErrorStage.Phase1Auth,
            _ => ErrorStage.Unplaced,
        };

    /// <summary>Which end the code blames; <see cref="ErrorSide.Unknown"/> when it cannot tell (a timeout, a certificate either end may lack).</summary>
    public static ErrorSide Side(long code) => Table.TryGetValue(code, out WindowsError error) ? error.Side : ErrorSide.Unknown;

    public static WindowsError? Find(long code) => Table.TryGetValue(code, out WindowsError error) ? error : null;

    /// <summary>What the number means, or null when it is not in the table.</summary>
    public static string? Meaning(long code) => Table.TryGetValue(code, out WindowsError error) ? error.Meaning : null;

    /// <summary>"ERROR_AUTHENTICATION_FAILURE: access denied: ...", the meaning alone without a checked symbol, or "unknown Windows error N".</summary>
    public static string Describe(long code) =>
        Table.TryGetValue(code, out WindowsError error)
            ? error.Symbol is null ? error.Meaning : error.Symbol + ": " + error.Meaning
            : string.Create(CultureInfo.InvariantCulture, $"unknown Windows error {code}");

    /// <summary>"error 691 (ERROR_AUTHENTICATION_FAILURE: ...)": how a finding names the error the user saw.</summary>
    public static string Name(long code) => string.Create(CultureInfo.InvariantCulture, $"error {code} ({Describe(code)})");
}

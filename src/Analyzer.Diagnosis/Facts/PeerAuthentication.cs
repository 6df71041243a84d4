using System.Globalization;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// How the peers authenticate (from the method's registry number, never its name) and whether the
/// responder refused it: a notify that means an authentication failure, an encrypted Informational
/// instead of the next message, or Main Mode 5 repeated and never answered.
/// </summary>
internal readonly record struct PeerAuthentication(bool PreSharedKey, bool Certificates, string Rejection, bool EapRefused)
{
    public string Verdict => EapRefused ? "the server refused the user's EAP credentials (user name or password)"
        : PreSharedKey ? "the pre-shared keys of the two peers most likely differ"
        : Certificates ? "the peer did not accept the certificate presented (untrusted CA, expired, wrong identity or key usage)"
        : "the peers could not authenticate each other";

    /// <param name="silentFloat">The SA moved (or should have moved) to port 4500 and nothing answered there.</param>
    public static PeerAuthentication Of(IkeSa sa, Phase1Course phase1, bool silentFloat)
    {
        // With no method negotiated (IKEv2 carries none in its proposals), certificates seen or asked for mean a key pair.
        AuthenticationCredential credential = AuthenticationCredentials.Of(sa.AuthenticationMethod);
        bool psk = credential == AuthenticationCredential.PreSharedKey;
        bool certificates = credential == AuthenticationCredential.PublicKey
            || (sa.AuthenticationMethod is null && (sa.Certificates.Count > 0 || sa.CertificateRequests.Count > 0));
        bool eapRefused = sa.V2.Eap.Exists(e => !e.FromInitiator && e.IsFailure);
        return new PeerAuthentication(psk, certificates, RejectionOf(sa, phase1, silentFloat, sa.LostDatagrams.Count), eapRefused);
    }

    private static string RejectionOf(IkeSa sa, Phase1Course phase1, bool silentFloat, int incompleteDatagrams)
    {
        IkeNotifyObservation? rejecting = phase1.Rejecting;
        int highest = phase1.Highest;
        Phase1Stall stall = phase1.Stall;
        bool mainMode = sa.Phase1 == IkeExchangeKind.MainMode;
        int authMessage = sa.Version == 2 ? 3 : mainMode ? 5 : 1;
        if (rejecting is not null && NotifyTypes.IsAuthenticationFailure(sa.Version, rejecting.Type, highest >= authMessage))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the peer answered with {NotifyTypes.Name(rejecting.Type, rejecting.V2)} after message {highest}");
        }

        if (phase1.AnsweredByInformational && highest >= authMessage)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the responder answered message {highest} with an encrypted Informational instead of message {highest + 1}");
        }

        if (mainMode && stall.Number == 5 && stall.Sends >= 2 && stall.IpFragments <= 1 && incompleteDatagrams == 0 && !silentFloat)
        {
            return string.Create(CultureInfo.InvariantCulture, $"message 5 was sent {stall.Sends} times and never answered although messages 1-4 passed");
        }

        return "";
    }
}

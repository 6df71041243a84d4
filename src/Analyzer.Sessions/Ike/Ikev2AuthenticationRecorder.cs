using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Sessions.Ike;

/// <summary>Copies the IKEv2 authentication payloads of a (decrypted) message into <see cref="IkeSa.V2"/>.</summary>
internal static class Ikev2AuthenticationRecorder
{
    public static void Record(IkeSa sa, IkeMessage message, IsakmpContent content)
    {
        Ikev2Authentication v2 = sa.V2;
        foreach (byte method in content.AuthenticationMethods)
        {
            v2.AuthPayloads.Add(new IkeAuthObservation(message.Frame, message.FromInitiator, method, MethodName(method)));
        }

        foreach (EapPayload eap in content.Eap)
        {
            v2.Eap.Add(new IkeEapObservation(message.Frame, message.FromInitiator, eap.Code, eap.Type, eap.MsChapV2OpCode, eap.Text));
        }

        foreach (ConfigurationPayload cp in content.Configurations)
        {
            v2.Configurations.Add(new IkeConfigurationObservation(message.Frame, message.FromInitiator, cp.CfgType, cp.AsksForAddress, cp.AssignedAddress));
        }

        foreach (TrafficSelectorPayload ts in content.InitiatorSelectors)
        {
            v2.TrafficSelectors.Add(new IkeTrafficSelectorObservation(message.Frame, message.FromInitiator, true, ts.Selectors.Select(s => s.Display).ToList()));
        }

        foreach (TrafficSelectorPayload ts in content.ResponderSelectors)
        {
            v2.TrafficSelectors.Add(new IkeTrafficSelectorObservation(message.Frame, message.FromInitiator, false, ts.Selectors.Select(s => s.Display).ToList()));
        }
    }

    // IANA "IKEv2 Authentication Method" registry (RFC 7296 §3.8, RFC 7427 §3).
    private static string MethodName(byte method) => method switch
    {
        1 => "RSA Digital Signature",
        2 => "Shared Key Message Integrity Code",
        3 => "DSS Digital Signature",
        9 => "ECDSA with SHA-256 on the P-256 curve",
        10 => "ECDSA with SHA-384 on the P-384 curve",
        11 => "ECDSA with SHA-512 on the P-521 curve",
        12 => "Generic Secure Password Authentication Method",
        13 => "NULL Authentication",
        14 => "Digital Signature",
        _ => "unknown (" + method.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
    };
}

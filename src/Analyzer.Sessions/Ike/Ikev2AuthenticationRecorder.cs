using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>Copies the IKEv2 authentication payloads of a (decrypted) message into <see cref="IkeSa.V2"/>.</summary>
internal static class Ikev2AuthenticationRecorder
{
    public static void Record(IkeSa sa, IkeMessage message, IsakmpContent content)
    {
        Ikev2Authentication v2 = sa.V2;
        foreach (byte method in content.AuthenticationMethods)
        {
            TransformValue value = Ikev2AuthenticationMethods.Value(method);
            v2.AuthPayloads.Add(new IkeAuthObservation(message.Frame, message.FromInitiator, value));

            // The SA's method is the responder's proof (the server's credential: after EAP the
            // initiator's AUTH is a MIC over the MSK, which says nothing of a PSK), else the initiator's
            // (a refused AUTH leaves only that one).
            if (!message.FromInitiator && !v2.AuthPayloads.Exists(a => !a.FromInitiator && a.Frame != message.Frame))
            {
                sa.AuthenticationMethod = value;
            }
            else if (message.FromInitiator && sa.AuthenticationMethod is null)
            {
                sa.AuthenticationMethod = value;
            }
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
}

using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// Two clients behind one NAT share the server's view of their address. When the server keeps one
/// SA per identity or per address, the second client's authentication makes it delete the first
/// client's SAs: an encrypted Informational goes to the first client's port at the moment the
/// second finishes authenticating. Without keys its content is unknown; its timing says "Delete".
/// The same port is the same client re-authenticating (its own old SA is replaced), not another one;
/// so are 500 and 4500, between which a client floats (RFC 3947 §4) and re-authenticates directly
/// on 4500, while a NAT gives a second client behind it other ports.
/// </summary>
internal static class SecondAuthenticationInference
{
    private const double Before = 1.0;
    private const double After = 5.0;

    public static void Find(CaptureContext context, List<InferenceFacts> into)
    {
        IReadOnlyList<IkeSa> sas = context.Capture.IkeSas;
        foreach (IkeSa second in sas)
        {
            if (IkeMoments.Authenticated(second) is not Timestamp authenticated)
            {
                continue;
            }

            foreach (IkeSa first in sas)
            {
                if (ReferenceEquals(first, second) || first.Initiator.Address != second.Initiator.Address
                    || SameClientPort(first.Initiator.Port, second.Initiator.Port) || first.FirstFrame.Time >= second.FirstFrame.Time)
                {
                    continue;
                }

                foreach (IkeMessage message in first.Messages)
                {
                    double offset = message.Frame.Time.SecondsSince(authenticated);
                    if (message.Encrypted && !message.Decrypted && IkeMoments.IsInformational(message) && message.From.Address == first.Responder.Address
                        && offset >= -Before && offset <= After)
                    {
                        into.Add(Row(context, first, second, message, offset));
                        break;
                    }
                }
            }
        }
    }

    private static bool SameClientPort(ushort a, ushort b) => a == b || (IsIkePort(a) && IsIkePort(b));

    private static bool IsIkePort(ushort port) => port is VpnPorts.Isakmp or VpnPorts.NatTraversal;

    private static InferenceFacts Row(CaptureContext context, IkeSa first, IkeSa second, IkeMessage message, double offset) => new()
    {
        InputIndex = context.InputIndex,
        Input = context.Input,
        Vantage = context.Vantage,
        Kind = InferenceKinds.InformationalAtSecondAuthentication,
        Client = first.Initiator.ToString(),
        Server = first.Responder.ToString(),
        IkeVersion = first.Version,
        CarriesL2tp = first.Version == 1,
        Basis = string.Create(CultureInfo.InvariantCulture,
            $"an encrypted Informational ({message.Length} bytes) from {message.From} to {message.To} {Math.Abs(offset):0.00} s {(offset < 0 ? "before" : "after")} another client behind the same address ({second.Initiator}) finished authenticating"),
        Meaning = "the server probably deleted the first client's SAs because a second client behind the same address (same NAT) authenticated: one SA per identity or per address (strongSwan unique=replace, a Windows server with one shared NAT address)",
        EndedBy = "server",
        DisplayFilter = IkeDisplayFilter.ForInitiatorCookie(first.InitiatorCookie) + " || " + IkeDisplayFilter.ForInitiatorCookie(second.InitiatorCookie),
        Frames = [message.Frame],
    };
}

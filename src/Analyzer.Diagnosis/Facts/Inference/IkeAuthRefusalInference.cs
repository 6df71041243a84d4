using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// IKEv2 authentication is encrypted, but its outcome shows in sizes. An IKE_AUTH response that
/// accepts carries IDr, AUTH, SA and TSi/TSr (well over 150 bytes); one that refuses carries a lone
/// notify (AUTHENTICATION_FAILED, RFC 7296 §2.21.2): header, Encrypted payload, one IV, one or two
/// cipher blocks and the ICV come to at most <see cref="LoneNotifyLength"/> bytes. A client that
/// refuses the server (certificate, AUTH) sends such a short INFORMATIONAL right after the response.
/// Either way no child SA follows and no ESP flows.
/// </summary>
internal static class IkeAuthRefusalInference
{
    /// <summary>28 header + 4 Encrypted payload header + 16 IV + 32 (two AES blocks) + 16 ICV.</summary>
    private const int LoneNotifyLength = 96;
    private const double ClientRefusesWithin = 0.5;

    public static void Find(CaptureContext context, List<InferenceFacts> into)
    {
        foreach (IkeSa sa in context.Capture.IkeSas)
        {
            if (sa.Version != 2 || sa.Decrypted || context.FlowsOf(sa).Count > 0)
            {
                continue;
            }

            IkeMessage? lastResponse = null;
            int firstAuthResponse = -1;
            int lastResponseIndex = -1;
            for (int i = 0; i < sa.Messages.Count; i++)
            {
                IkeMessage message = sa.Messages[i];
                if (message.Exchange == IkeExchangeKind.IkeAuth && !message.FromInitiator)
                {
                    lastResponse = message;
                    lastResponseIndex = i;
                    if (firstAuthResponse < 0)
                    {
                        firstAuthResponse = i;
                    }
                }

                if (message.Exchange == IkeExchangeKind.CreateChildSa)
                {
                    lastResponse = null;
                    break;
                }
            }

            if (lastResponse is null)
            {
                continue;
            }

            if (lastResponse.Encrypted && lastResponse.Length <= LoneNotifyLength && !AuthRequestAfter(sa, lastResponseIndex))
            {
                into.Add(Row(context, sa, lastResponse, "server",
                    string.Create(CultureInfo.InvariantCulture, $"the server's last IKE_AUTH response is {lastResponse.Length} bytes (room for one notify only), nothing follows from the client in IKE_AUTH, and no ESP flows")));
                continue;
            }

            if (lastResponseIndex + 1 < sa.Messages.Count)
            {
                IkeMessage next = sa.Messages[lastResponseIndex + 1];
                double after = next.Frame.Time.SecondsSince(lastResponse.Frame.Time);
                if (next.FromInitiator && next.Encrypted && IkeMoments.IsInformational(next) && next.Length <= LoneNotifyLength && after <= ClientRefusesWithin)
                {
                    into.Add(Row(context, sa, next, "client",
                        string.Create(CultureInfo.InvariantCulture, $"{after:0.000} s after the server's IKE_AUTH response ({lastResponse.Length} bytes) the client sent a {next.Length}-byte encrypted INFORMATIONAL (room for one notify only), and no ESP flows")));
                }
            }
        }
    }

    private static bool AuthRequestAfter(IkeSa sa, int index)
    {
        for (int i = index + 1; i < sa.Messages.Count; i++)
        {
            if (sa.Messages[i].Exchange == IkeExchangeKind.IkeAuth && sa.Messages[i].FromInitiator)
            {
                return true;
            }
        }

        return false;
    }

    private static InferenceFacts Row(CaptureContext context, IkeSa sa, IkeMessage refusal, string refusedBy, string basis) => new()
    {
        InputIndex = context.InputIndex,
        Input = context.Input,
        Vantage = context.Vantage,
        Kind = InferenceKinds.IkeAuthRefused,
        Client = sa.Initiator.ToString(),
        Server = sa.Responder.ToString(),
        IkeVersion = 2,
        Basis = basis,
        Meaning = refusedBy == "server"
            ? "the server probably refused the client's authentication (N(AUTHENTICATION_FAILED): wrong PSK, user name or password, or client certificate)"
            : "the client probably refused the server's authentication (N(AUTHENTICATION_FAILED) sent by the client: server certificate untrusted, expired or not for server use, or a wrong server AUTH)",
        EndedBy = refusedBy,
        Answered = true,
        DisplayFilter = IkeDisplayFilter.ForInitiatorCookie(sa.InitiatorCookie),
        Frames = [refusal.Frame],
    };
}

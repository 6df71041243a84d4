using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>Moments of an IKE SA that the encrypted-traffic inferences read from message headers alone.</summary>
internal static class IkeMoments
{
    /// <summary>When the SA's peer authentication ended: its last Main/Aggressive Mode or IKE_AUTH message.</summary>
    public static Timestamp? Authenticated(IkeSa sa)
    {
        Timestamp? last = null;
        foreach (IkeMessage message in sa.Messages)
        {
            if (message.Exchange is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode or IkeExchangeKind.IkeAuth)
            {
                last = message.Frame.Time;
            }
        }

        return last;
    }

    public static bool IsInformational(IkeMessage message) =>
        message.Exchange is IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2;
}

using Analyzer.Protocols.Ppp;

namespace Analyzer.Sessions.Ppp;

/// <summary>
/// Who sent a PPP packet when the capture cannot say (PPP link type, PPPoE without addresses):
/// authentication packets tell it by their code, since only the authenticator challenges and judges.
/// </summary>
public static class PppDirection
{
    public static bool GuessFromClient(ReadOnlySpan<byte> ppp, bool fallback)
    {
        if (!PppFrame.TryRead(ppp, out PppFrame frame, out _) || ppp.Length <= frame.HeaderLength)
        {
            return fallback;
        }

        byte code = ppp[frame.HeaderLength];
        return frame.Protocol switch
        {
            PppProtocols.Pap => code == 1,
            PppProtocols.Chap or PppProtocols.Eap => code == 2,
            _ => fallback,
        };
    }
}

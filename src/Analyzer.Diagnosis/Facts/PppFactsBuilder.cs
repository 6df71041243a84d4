using Analyzer.Core;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens one <see cref="PppSession"/> (inside L2TP or PPTP) into <see cref="PppFacts"/>.</summary>
internal static class PppFactsBuilder
{
    public static PppFacts Build(PppSession ppp, string carrier, NetEndpoint client, NetEndpoint server, CaptureContext context)
    {
        List<FrameRef> authFrames = ppp.Packets
            .Where(p => p.Protocol is "PAP" or "CHAP" or "EAP" || p.Protocol.Contains("CHAP", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Frame).ToList();
        if (ppp.AuthenticationFrame is FrameRef frame && !authFrames.Contains(frame))
        {
            authFrames.Add(frame);
        }

        return new PppFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Carrier = carrier,
            Client = client.ToString(),
            Server = server.ToString(),
            AuthenticationProtocol = ppp.AuthenticationProtocol ?? "",
            AuthenticationResult = ppp.AuthenticationResult ?? "",
            AuthenticationFailed = string.Equals(ppp.AuthenticationResult, "failure", StringComparison.OrdinalIgnoreCase),
            ErrorCode = ppp.AuthenticationErrorCode ?? 0,
            AuthenticationMessage = ppp.AuthenticationMessage ?? "",
            UserName = ppp.UserName ?? "",
            LcpOpened = ppp.LcpOpened,
            LcpLoop = ppp.LcpLoop,
            IpcpOpened = ppp.IpcpOpened,
            ClientAddress = ppp.ClientAddress ?? "",
            Frames = ppp.Packets.Select(p => p.Frame).ToList(),
            AuthenticationFrames = authFrames,
        };
    }
}

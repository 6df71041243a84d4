using Analyzer.Protocols.Ppp;
using Analyzer.Core;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens one <see cref="PppSession"/> (inside L2TP or PPTP) into <see cref="PppFacts"/>.</summary>
internal static class PppFactsBuilder
{
    public static PppFacts Build(PppSession ppp, string carrier, NetEndpoint client, NetEndpoint server, CaptureContext context)
    {
        List<FrameRef> authFrames = ppp.Packets
            .Where(p => p.Protocol is PppProtocols.Pap or PppProtocols.Chap or PppProtocols.Eap)
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
            AuthenticationProtocol = ppp.AuthenticationProtocol?.Name ?? "",
            AuthenticationResult = ppp.AuthenticationResult switch { PppAuthenticationResult.Success => "success", PppAuthenticationResult.Failure => "failure", _ => "" },
            AuthenticationFailed = ppp.AuthenticationResult == PppAuthenticationResult.Failure,
            ErrorCode = ppp.AuthenticationErrorCode ?? 0,
            AuthenticationMessage = ppp.AuthenticationMessage ?? "",
            UserName = ppp.UserName ?? "",
            LcpOpened = ppp.LcpOpened,
            LcpLoop = ppp.LcpLoop,
            LcpUnansweredByServer = ppp.LcpUnansweredByServer == true,
            LcpUnansweredByClient = ppp.LcpUnansweredByServer == false,
            LcpRequestsFromClient = ppp.LcpRequestsFromClient,
            LcpRequestsFromServer = ppp.LcpRequestsFromServer,
            IpcpOpened = ppp.IpcpOpened,
            IpcpStarted = ppp.Packets.Any(p => p.Protocol == PppProtocols.Ipcp),
            ClientAddress = ppp.ClientAddress ?? "",
            ClientAddressRefused = ppp.ClientAddressRefused,
            IpcpTerminatedBy = Side(ppp.IpcpTerminatedByClient),
            IpcpTerminationMessage = ppp.IpcpTerminationMessage ?? "",
            TerminatedBy = Side(ppp.TerminatedByClient),
            TerminationMessage = ppp.TerminationMessage ?? "",
            EncryptionRequestedBy = Side(ppp.EncryptionRequestedByServer is bool byServer ? !byServer : null),
            EncryptionRefusedBy = Side(ppp.EncryptionRefusedByClient),
            DataFromClient = ppp.DataFromClient,
            DataFromServer = ppp.DataFromServer,
            IpcpFrames = ppp.Packets.Where(p => p.Protocol == PppProtocols.Ipcp || p is { Protocol: PppProtocols.Lcp, Code: PppCodes.TerminateRequest }).Select(p => p.Frame).ToList(),
            EncryptionFrames = ppp.Packets.Where(p => p.Protocol == PppProtocols.Ccp || p is { Protocol: PppProtocols.Lcp, Code: PppCodes.ProtocolReject or PppCodes.TerminateRequest }).Select(p => p.Frame).ToList(),
            Frames = ppp.Packets.Select(p => p.Frame).ToList(),
            AuthenticationFrames = authFrames,
        };
    }

    private static string Side(bool? fromClient) => fromClient is bool client ? (client ? "client" : "server") : "";
}

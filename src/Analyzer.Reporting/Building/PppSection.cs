using Analyzer.Protocols.Ppp;
using Analyzer.Reporting.Document;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Reporting.Building;

/// <summary>PPP as carried by an L2TP session or a PPTP call.</summary>
internal static class PppSection
{
    public static ReportPppSession? Build(BuildContext context, PppSession? ppp)
    {
        if (ppp is null)
        {
            return null;
        }

        var packets = new List<ReportPppPacket>(ppp.Packets.Count);
        foreach (PppPacketObservation packet in ppp.Packets)
        {
            packets.Add(new ReportPppPacket(packet.Frame.Frame, ReportNames.Time(packet.Frame.Time), ReportNames.ClientSide(packet.FromClient),
                PppProtocols.Name(packet.Protocol), PppCodes.Name(packet.Protocol, packet.Code), packet.Identifier, context.Values.Text(packet.Summary)));
        }

        return new ReportPppSession
        {
            AuthenticationProtocol = ppp.AuthenticationProtocol?.Name,
            AuthenticationResult = ppp.AuthenticationResult is PppAuthenticationResult result ? ReportNames.Kebab(result) : null,
            AuthenticationErrorCode = ppp.AuthenticationErrorCode,
            AuthenticationMessage = context.Values.Text(ppp.AuthenticationMessage),
            AuthenticationFrame = ppp.AuthenticationFrame?.Frame,
            UserName = context.Values.User(ppp.UserName),
            LcpOpened = ppp.LcpOpened,
            LcpLoop = ppp.LcpLoop,
            IpcpOpened = ppp.IpcpOpened,
            ClientAddress = context.Values.Text(ppp.ClientAddress),
            ServerAddress = context.Values.Text(ppp.ServerAddress),
            CompressionNegotiated = ppp.CompressionNegotiated,
            Packets = packets,
            Anomalies = ppp.Anomalies.Select(a => new ReportAnomaly(a.Frame.Frame, ReportNames.Kebab(a.Kind), context.Values.Text(a.Detail))).ToList(),
        };
    }
}

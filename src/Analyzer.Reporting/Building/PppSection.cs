using Analyzer.Reporting.Document;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Reporting.Building;

/// <summary>PPP as carried by an L2TP session or a PPTP call.</summary>
internal static class PppSection
{
    public static ReportPppSession? Build(PppSession? ppp)
    {
        if (ppp is null)
        {
            return null;
        }

        var packets = new List<ReportPppPacket>(ppp.Packets.Count);
        foreach (PppPacketObservation packet in ppp.Packets)
        {
            packets.Add(new ReportPppPacket(packet.Frame.Frame, ReportNames.Time(packet.Frame.Time), ReportNames.ClientSide(packet.FromClient),
                packet.Protocol, packet.Code, packet.Identifier, packet.Summary));
        }

        return new ReportPppSession
        {
            AuthenticationProtocol = ppp.AuthenticationProtocol,
            AuthenticationResult = ppp.AuthenticationResult,
            AuthenticationErrorCode = ppp.AuthenticationErrorCode,
            AuthenticationMessage = ppp.AuthenticationMessage,
            AuthenticationFrame = ppp.AuthenticationFrame?.Frame,
            UserName = ppp.UserName,
            LcpOpened = ppp.LcpOpened,
            LcpLoop = ppp.LcpLoop,
            IpcpOpened = ppp.IpcpOpened,
            ClientAddress = ppp.ClientAddress,
            ServerAddress = ppp.ServerAddress,
            CompressionNegotiated = ppp.CompressionNegotiated,
            Packets = packets,
        };
    }
}

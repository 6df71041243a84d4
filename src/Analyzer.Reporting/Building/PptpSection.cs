using Analyzer.Protocols.Pptp;
using Analyzer.Reporting.Document;
using Analyzer.Sessions;
using Analyzer.Sessions.Pptp;

namespace Analyzer.Reporting.Building;

/// <summary>PPTP control connections of every capture (the connection is PPTP, not L2TP).</summary>
internal static class PptpSection
{
    public static PptpReport Build(BuildContext context)
    {
        var connections = new List<ReportPptpConnection>();
        foreach (CaptureModel capture in context.Case.Captures)
        {
            foreach (PptpConnection connection in capture.PptpConnections)
            {
                var messages = new List<ReportPptpControlMessage>(connection.ControlMessages.Count);
                foreach (PptpControlObservation message in connection.ControlMessages)
                {
                    string? result = message.Result is PptpResult code ? PptpNames.ResultName(message.Type, code.Code, code.Error) : null;
                    messages.Add(new ReportPptpControlMessage(message.Frame.Frame, ReportNames.Time(message.Frame.Time),
                        ReportNames.ClientSide(message.FromClient), PptpNames.TypeName(message.Type), result));
                }

                connections.Add(new ReportPptpConnection
                {
                    Input = context.InputName(capture.Input.Index),
                    Client = context.Values.Endpoint(connection.Client),
                    Server = context.Values.Endpoint(connection.Server),
                    GreFromClient = connection.GreFromClient,
                    GreFromServer = connection.GreFromServer,
                    FirstFrame = connection.FirstFrame?.Frame,
                    ControlMessages = messages,
                    Anomalies = connection.Anomalies.Select(a => new ReportAnomaly(a.Frame.Frame, ReportNames.Kebab(a.Kind), context.Values.Text(a.Detail))).ToList(),
                    Ppp = PppSection.Build(context, connection.Ppp),
                });
            }
        }

        return new PptpReport { Connections = connections };
    }
}

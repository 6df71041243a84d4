using Analyzer.Protocols.Pptp;
using Analyzer.Sessions.Pptp;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens one <see cref="PptpConnection"/> into <see cref="PptpFacts"/>.</summary>
internal static class PptpFactsBuilder
{
    public static PptpFacts Build(PptpConnection connection, CaptureContext context) => new()
    {
        InputIndex = context.InputIndex,
        Input = context.Input,
        Vantage = context.Vantage,
        Client = connection.Client.ToString(),
        Server = connection.Server.ToString(),
        ControlMessages = connection.ControlMessages.Count,
        ControlTypes = connection.ControlMessages.Select(m => m.Type).Distinct().Select(PptpNames.TypeName).ToList(),
        Results = connection.ControlMessages.Where(m => m.Result is not null).Select(m => PptpNames.ResultName(m.Type, m.Result!.Value.Code, m.Result.Value.Error)).Distinct().ToList(),
        GreFromClient = connection.GreFromClient,
        GreFromServer = connection.GreFromServer,
        L2tpOrIkeAlsoPresent = context.Capture.L2tpTunnels.Count > 0 || context.Capture.IkeSas.Count > 0,
        Frames = connection.FirstFrame is { } first
            ? [first, .. connection.ControlMessages.Select(m => m.Frame).Where(f => f != first)]
            : connection.ControlMessages.Select(m => m.Frame).ToList(),
    };
}

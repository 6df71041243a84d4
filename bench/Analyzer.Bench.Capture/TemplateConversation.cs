using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Bench.Capture;

/// <summary>One real exchange (IKE and/or L2TP messages of one capture file), to be replayed with fresh cookies and addresses.</summary>
internal sealed record TemplateConversation(string Origin, IReadOnlyList<TemplateMessage> Messages);

/// <summary>A message of a template: who sent it (the initiator or not) and its bytes from the IKE/L2TP header on.</summary>
internal sealed record TemplateMessage(TrafficKind Kind, bool FromInitiator, byte[] Payload);

/// <summary>Collects the IKE and L2TP datagrams of a real capture as a template conversation.</summary>
internal sealed class TemplateHarvester : IVpnTrafficSink
{
    private readonly List<TemplateMessage> _messages = [];
    private NetAddress? _initiator;

    public static TemplateConversation? Harvest(string path)
    {
        var harvester = new TemplateHarvester();
        try
        {
            CaptureDecoder.Decode(new AnalysisInput(0, path, path, InputKind.Unknown), harvester, AnalysisLimits.Default, CancellationToken.None);
        }
        catch (Analyzer.Capture.CaptureFormatException)
        {
            return null;
        }

        return harvester._messages.Count == 0 ? null : new TemplateConversation(Path.GetFileName(path), harvester._messages);
    }

    public void OnDatagram(in VpnDatagram datagram)
    {
        if (datagram.Kind is not (TrafficKind.Ike or TrafficKind.IkeNatT or TrafficKind.L2tp) || datagram.IsTruncated
            || datagram.Payload.Length < 12 || datagram.Payload.Length > 8000)
        {
            return;
        }

        _initiator ??= datagram.Source.Address;
        _messages.Add(new TemplateMessage(datagram.Kind, datagram.Source.Address == _initiator, datagram.Payload.ToArray()));
    }

    public void OnIncompleteDatagram(IncompleteIpDatagram datagram)
    {
    }

    public void OnDiagnostic(InputDiagnostic diagnostic)
    {
    }
}

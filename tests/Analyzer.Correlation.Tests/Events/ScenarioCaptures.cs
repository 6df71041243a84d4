using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Tests.Events;

/// <summary>
/// Capture models holding what the lab captures show (samples/captures as regenerated in lab commits
/// 69591ba/40c684a, read with tshark): cookies, endpoints, frame times, ESP SPIs. Built by hand until the full pipeline
/// is merged; the constructed event samples are paired with exactly these values.
/// </summary>
internal static class ScenarioCaptures
{
    public static readonly NetAddress Client = NetAddress.Parse("198.51.100.20");
    public static readonly NetAddress Server = NetAddress.Parse("203.0.113.10");

    /// <summary>Client-side capture of healthy-psk: Main Mode 1–6 and Quick Mode, ESP both ways.</summary>
    public static CaptureModel HealthyPsk(int index = 10)
    {
        var capture = new CaptureModel(new AnalysisInput(index, "client.pcap", "healthy-psk/client.pcap", InputKind.Pcap));
        IkeSa sa = Sa(capture, 0x2f9843dee12681ab, 0xdbca24f42bb3bd13,
            (3, 1795520862.928201, true, 500), (4, 1795520862.934659, false, 500), (5, 1795520862.937923, true, 500), (6, 1795520862.952298, false, 500),
            (7, 1795520862.960631, true, 4500), (8, 1795520862.962442, false, 4500), (9, 1795520862.965035, true, 4500), (10, 1795520862.968432, false, 4500),
            (11, 1795520862.972112, true, 4500), (33, 1795520872.664148, true, 4500), (34, 1795520872.665753, true, 4500));
        sa.State = IkeSaState.Deleted;
        capture.EspFlows.Add(Flow(capture, 0x2a1c49d6, Client, Server, (12, 1795520863.053015), (31, 1795520870.486279)));
        capture.EspFlows.Add(Flow(capture, 0x92479477, Server, Client, (13, 1795520863.053749), (32, 1795520870.494797)));
        EspFlowOwnership.Assign(capture.EspFlows, capture.IkeSas); // as the Sessions stage does after pairing
        return capture;
    }

    /// <summary>Client-side capture of psk-mismatch: MM5 sent four times, each answered by an informational on port 500.</summary>
    public static CaptureModel PskMismatch(int index = 11)
    {
        var capture = new CaptureModel(new AnalysisInput(index, "client.pcap", "psk-mismatch/client.pcap", InputKind.Pcap));
        IkeSa sa = Sa(capture, 0xb965953a307bd62f, 0xb97d549998ca823b,
            (3, 1795519799.439182, true, 500), (4, 1795519799.452129, false, 500), (5, 1795519799.467092, true, 500), (6, 1795519799.487713, false, 500),
            (7, 1795519799.516345, true, 4500), (8, 1795519799.517269, false, 500), (9, 1795519801.518076, true, 4500), (10, 1795519801.519038, false, 500),
            (13, 1795519804.518471, true, 4500), (14, 1795519804.519370, false, 500), (15, 1795519809.023091, true, 4500), (16, 1795519809.023984, false, 500));
        sa.State = IkeSaState.Failed;
        return capture;
    }

    /// <summary>Client-side capture of udp500-blocked: MM1 sent four times, never answered.</summary>
    public static CaptureModel Udp500Blocked(int index = 12)
    {
        var capture = new CaptureModel(new AnalysisInput(index, "client.pcap", "udp500-blocked/client.pcap", InputKind.Pcap));
        IkeSa sa = Sa(capture, 0xd4c64a3e7dfd634a, 0,
            (3, 1795519932.990792, true, 500), (4, 1795519934.995058, true, 500), (5, 1795519937.995662, true, 500), (6, 1795519942.499028, true, 500));
        sa.State = IkeSaState.NoResponse;
        return capture;
    }

    private static IkeSa Sa(CaptureModel capture, ulong initiator, ulong responder, params (long Frame, double Time, bool FromClient, ushort Port)[] messages)
    {
        var sa = new IkeSa
        {
            Version = 1,
            InitiatorCookie = initiator,
            ResponderCookie = responder,
            Initiator = new NetEndpoint(Client, 500),
            Responder = new NetEndpoint(Server, 500),
            Phase1 = IkeExchangeKind.MainMode,
        };
        foreach ((long frame, double time, bool fromClient, ushort port) in messages)
        {
            var client = new NetEndpoint(Client, port);
            var server = new NetEndpoint(Server, port);
            sa.Messages.Add(new IkeMessage
            {
                Frame = new FrameRef(capture.Input.Index, frame, At(time)),
                From = fromClient ? client : server,
                To = fromClient ? server : client,
                FromInitiator = fromClient,
                Exchange = IkeExchangeKind.MainMode,
            });
        }

        capture.IkeSas.Add(sa);
        return sa;
    }

    private static EspFlow Flow(CaptureModel capture, uint spi, NetAddress source, NetAddress destination, (long Frame, double Time) first, (long Frame, double Time) last) => new()
    {
        Spi = spi,
        Source = new NetEndpoint(source, 4500),
        Destination = new NetEndpoint(destination, 4500),
        Encapsulation = EspEncapsulation.Udp,
        First = new FrameRef(capture.Input.Index, first.Frame, At(first.Time)),
        Last = new FrameRef(capture.Input.Index, last.Frame, At(last.Time)),
        Packets = 6,
    };

    public static Timestamp At(double unixSeconds)
    {
        long seconds = (long)Math.Floor(unixSeconds);
        long nanos = (long)Math.Round((unixSeconds - seconds) * 1e9 / 1000) * 1000;
        return Timestamp.FromUnix(seconds, nanos, 6);
    }
}

using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Tests.Events;

/// <summary>
/// Capture models holding what the lab captures show (samples/captures, lab commit da705c1, read
/// with tshark): cookies, endpoints, frame times, ESP SPIs. Built by hand until the full pipeline
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
        IkeSa sa = Sa(capture, 0x9ddc6530e77f57c0, 0x419d2a71c983223f,
            (3, 1795517492.985015, true, 500), (4, 1795517492.988072, false, 500), (5, 1795517492.991010, true, 500), (6, 1795517492.994900, false, 500),
            (7, 1795517492.998831, true, 4500), (8, 1795517492.999868, false, 4500), (9, 1795517493.002023, true, 4500), (10, 1795517493.004092, false, 4500),
            (11, 1795517493.006247, true, 4500), (27, 1795517502.659690, true, 4500));
        sa.State = IkeSaState.Deleted;
        capture.EspFlows.Add(Flow(capture, 0x4dcf623b, Client, Server, (12, 1795517493.01), (25, 1795517502.5)));
        capture.EspFlows.Add(Flow(capture, 0xc8888580, Server, Client, (13, 1795517493.02), (26, 1795517502.6)));
        return capture;
    }

    /// <summary>Client-side capture of psk-mismatch: MM5 repeated, answered by an informational on port 500.</summary>
    public static CaptureModel PskMismatch(int index = 11)
    {
        var capture = new CaptureModel(new AnalysisInput(index, "client.pcap", "psk-mismatch/client.pcap", InputKind.Pcap));
        IkeSa sa = Sa(capture, 0x0cd749954d5cfe39, 0xcaa267d042789045,
            (3, 1795517553.534892, true, 500), (4, 1795517553.583880, false, 500), (5, 1795517553.586345, true, 500), (6, 1795517553.603099, false, 500),
            (7, 1795517553.606846, true, 4500), (8, 1795517553.607586, false, 500), (9, 1795517555.610232, true, 4500));
        sa.State = IkeSaState.Failed;
        return capture;
    }

    /// <summary>Client-side capture of udp500-blocked: MM1 sent four times, never answered.</summary>
    public static CaptureModel Udp500Blocked(int index = 12)
    {
        var capture = new CaptureModel(new AnalysisInput(index, "client.pcap", "udp500-blocked/client.pcap", InputKind.Pcap));
        IkeSa sa = Sa(capture, 0xd7fb2ae5fdcd2f61, 0,
            (3, 1795517518.569247, true, 500), (4, 1795517520.569769, true, 500), (5, 1795517523.570863, true, 500), (6, 1795517528.071373, true, 500));
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

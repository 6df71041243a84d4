using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Events;

/// <summary>A capture model of a lab pcap's IKE SAs and ESP flows, built from tshark's fields (the oracle), for correlation tests with the lab's logs.</summary>
internal static class TsharkCapture
{
    public static CaptureModel Load(int index, string path)
    {
        var capture = new CaptureModel(new AnalysisInput(index, path, Path.GetFileName(path), InputKind.Pcap));
        string fields = Tshark.Run(path, ["-Y", "isakmp or esp", "-T", "fields", "-E", "separator=;",
            "-e", "frame.number", "-e", "frame.time_epoch", "-e", "ip.src", "-e", "udp.srcport", "-e", "ip.dst", "-e", "udp.dstport",
            "-e", "isakmp.ispi", "-e", "isakmp.rspi", "-e", "esp.spi"]);
        var sas = new Dictionary<ulong, IkeSa>();
        var flows = new Dictionary<uint, EspFlow>();
        foreach (string line in fields.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split(';');
            long frame = long.Parse(f[0], CultureInfo.InvariantCulture);
            var time = Timestamp.FromUnix(long.Parse(f[1].Split('.')[0], CultureInfo.InvariantCulture), long.Parse(f[1].Split('.')[1], CultureInfo.InvariantCulture), 9);
            var from = new NetEndpoint(NetAddress.Parse(f[2]), f[3].Length > 0 ? ushort.Parse(f[3], CultureInfo.InvariantCulture) : (ushort)0);
            var to = new NetEndpoint(NetAddress.Parse(f[4]), f[5].Length > 0 ? ushort.Parse(f[5], CultureInfo.InvariantCulture) : (ushort)0);
            var at = new FrameRef(index, frame, time);
            if (f[6].Length > 0)
            {
                ulong initiator = ulong.Parse(f[6], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                ulong responder = ulong.Parse(f[7], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (!sas.TryGetValue(initiator, out IkeSa? sa))
                {
                    sa = new IkeSa { Version = 1, InitiatorCookie = initiator, Initiator = from, Responder = to };
                    sas[initiator] = sa;
                    capture.IkeSas.Add(sa);
                }

                if (sa.ResponderCookie == 0)
                {
                    sa.ResponderCookie = responder;
                }

                sa.Messages.Add(new IkeMessage { Frame = at, From = from, To = to, FromInitiator = from.Address == sa.Initiator.Address, Exchange = IkeExchangeKind.MainMode });
            }
            else if (f[8].Length > 0)
            {
                uint spi = uint.Parse(f[8].Replace("0x", string.Empty, StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (!flows.TryGetValue(spi, out EspFlow? flow))
                {
                    flow = new EspFlow { Spi = spi, Source = from, Destination = to, Encapsulation = EspEncapsulation.Udp, First = at };
                    flows[spi] = flow;
                    capture.EspFlows.Add(flow);
                }

                flow.Last = at;
                flow.Packets++;
            }
        }

        EspFlowOwnership.Assign(capture.EspFlows, capture.IkeSas);
        return capture;
    }
}

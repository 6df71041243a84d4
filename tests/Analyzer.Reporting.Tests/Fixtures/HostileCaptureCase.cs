using Analyzer.Protocols.L2tp;
using System.Globalization;
using System.Text;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Correlation;
using Analyzer.Protocols.Ike;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Testing;

namespace Analyzer.Reporting.Tests.Fixtures;

/// <summary>The hostile capture decoded by tshark into session models: the strings reach the report exactly as a dissector reads them.</summary>
internal static class HostileCaptureCase
{
    public static Case Build(string directory)
    {
        string path = HostileCapture.Write(directory);
        var input = new AnalysisInput(0, path, Path.GetFileName(path), InputKind.Pcap);
        string[] rows = Tshark.Run(path, ["-T", "fields", "-E", "separator=\u001f", "-e", "frame.number", "-e", "frame.time_epoch",
                "-e", "ip.src", "-e", "ip.dst", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "isakmp.ispi", "-e", "isakmp.vid_bytes",
                "-e", "isakmp.id.data.fqdn", "-e", "l2tp.avp.host_name", "-e", "l2tp.avp.vendor_name", "-e", "l2tp.Ns", "-e", "l2tp.Nr"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var model = new CaptureModel(input);
        model.Statistics.Frames = rows.Length;
        foreach (string row in rows)
        {
            string[] f = row.Split('\u001f');
            var frame = new FrameRef(0, long.Parse(f[0], CultureInfo.InvariantCulture), RealCaptureCase.Time(f[1]));
            var from = new NetEndpoint(NetAddress.Parse(f[2]), ushort.Parse(f[4], CultureInfo.InvariantCulture));
            var to = new NetEndpoint(NetAddress.Parse(f[3]), ushort.Parse(f[5], CultureInfo.InvariantCulture));
            if (f[6].Length > 0)
            {
                var sa = new IkeSa
                {
                    Version = 1,
                    InitiatorCookie = ulong.Parse(f[6], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    Initiator = from,
                    Responder = to,
                    Phase1 = IkeExchangeKind.MainMode,
                    State = IkeSaState.NoResponse,
                };
                sa.Messages.Add(new IkeMessage { Frame = frame, From = from, To = to, FromInitiator = true, Exchange = IkeExchangeKind.MainMode, ExchangeType = 2, Number = 1, Payloads = [PayloadType.VendorId, PayloadType.Identification] });
                string text = Encoding.Latin1.GetString(Convert.FromHexString(f[7]));
                sa.VendorIds.Add(new VendorIdObservation(f[7], null, text, true));
                sa.Identities.Add(new IkeIdentity(frame, true, IdentificationTypes.Fqdn, false, f[8], 17, 500) { Kind = IdentityKind.Host });
                model.IkeSas.Add(sa);
            }
            else
            {
                var tunnel = new L2tpTunnel { Client = from, Server = to, ClientTunnelId = 7, State = L2tpTunnelState.WaitReply, ClientHostName = f[9], ClientVendorName = f[10] };
                tunnel.ControlMessages.Add(new L2tpControlMessage
                {
                    Frame = frame,
                    From = from,
                    To = to,
                    MessageType = L2tpMessageType.StartControlConnectionRequest,
                    Ns = ushort.Parse(f[11], CultureInfo.InvariantCulture),
                    Nr = ushort.Parse(f[12], CultureInfo.InvariantCulture),
                    Avps = [new L2tpAvpValue(0, 7, "Host Name", f[9], true, false), new L2tpAvpValue(0, 8, "Vendor Name", f[10], false, false)],
                });
                model.L2tpTunnels.Add(tunnel);
            }
        }

        return new Case { Inputs = [input], Captures = [model] };
    }
}

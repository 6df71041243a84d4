using System.Globalization;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Protocols.Ike;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Reporting.Tests.Fixtures;

/// <summary>
/// Session models filled from real public captures through tshark (the dissection oracle), so the
/// report is exercised on real cookies, frame numbers, times, vendor IDs and SPIs while the session
/// stage is built in parallel. Skips when tshark or ../shared is missing.
/// </summary>
internal static class RealCaptureCase
{
    public const string MainModeCapture = "captures/suricata-verify/ikev1-isakmp-main-mode.pcap";
    public const string EspCapture = "captures/tcpdump/espudp1.pcap";

    public static string SharedFile(string relative) => RepoPaths.RequireShared(relative);

    /// <summary>The IKEv1 Main Mode + Quick Mode capture as input 0 and the ESP-in-UDP capture as input 1.</summary>
    public static Case Build()
    {
        string ikePath = SharedFile(MainModeCapture);
        string espPath = SharedFile(EspCapture);
        var ikeInput = new AnalysisInput(0, ikePath, Path.GetFileName(ikePath), InputKind.Pcap);
        var espInput = new AnalysisInput(1, espPath, Path.GetFileName(espPath), InputKind.Pcap);
        return new Case
        {
            Inputs = [ikeInput, espInput],
            Captures = [IkeModel(ikeInput), EspModel(espInput)],
        };
    }

    private static CaptureModel IkeModel(AnalysisInput input)
    {
        string[] rows = Fields(input.Path, "frame.number", "frame.time_epoch", "ip.src", "ip.dst", "udp.srcport", "udp.dstport",
            "isakmp.ispi", "isakmp.rspi", "isakmp.exchangetype", "isakmp.messageid", "isakmp.flag_e", "isakmp.typepayload",
            "isakmp.vid_bytes", "isakmp.vid_string");
        var model = new CaptureModel(input);
        model.Statistics.Frames = rows.Length;
        IkeSa? sa = null;
        var numbers = new Dictionary<(int, uint), int>();
        foreach (string row in rows)
        {
            string[] f = row.Split('|');
            var frame = new FrameRef(input.Index, long.Parse(f[0], CultureInfo.InvariantCulture), Time(f[1]));
            var from = new NetEndpoint(NetAddress.Parse(f[2]), ushort.Parse(f[4], CultureInfo.InvariantCulture));
            var to = new NetEndpoint(NetAddress.Parse(f[3]), ushort.Parse(f[5], CultureInfo.InvariantCulture));
            sa ??= new IkeSa
            {
                Version = 1,
                InitiatorCookie = ulong.Parse(f[6], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                Initiator = from,
                Responder = to,
                Phase1 = IkeExchangeKind.MainMode,
            };
            ulong responder = ulong.Parse(f[7], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (sa.ResponderCookie == 0)
            {
                sa.ResponderCookie = responder;
            }

            int exchangeType = int.Parse(f[8], CultureInfo.InvariantCulture);
            IkeExchangeKind kind = exchangeType switch
            {
                2 => IkeExchangeKind.MainMode,
                4 => IkeExchangeKind.AggressiveMode,
                5 => IkeExchangeKind.Informational,
                32 => IkeExchangeKind.QuickMode,
                _ => IkeExchangeKind.Unknown,
            };
            uint messageId = uint.Parse(f[9].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int number = numbers.GetValueOrDefault((exchangeType, messageId)) + 1;
            numbers[(exchangeType, messageId)] = number;
            bool fromInitiator = from == sa.Initiator;
            var message = new IkeMessage
            {
                Frame = frame,
                From = from,
                To = to,
                FromInitiator = fromInitiator,
                Exchange = kind,
                ExchangeType = (byte)exchangeType,
                MessageId = messageId,
                Number = number,
                Encrypted = f[10] == "1" || f[10] == "True",
                Payloads = [.. Split(f[11]).Select(p => (PayloadType)byte.Parse(p, CultureInfo.InvariantCulture))],
            };
            sa.Messages.Add(message);
            IkeExchange? exchange = sa.Exchanges.Find(x => x.Kind == kind && x.MessageId == messageId);
            if (exchange is null)
            {
                exchange = new IkeExchange { Kind = kind, MessageId = messageId };
                sa.Exchanges.Add(exchange);
            }

            exchange.Messages.Add(message);
            exchange.HighestMessage = number;
            exchange.State = (kind == IkeExchangeKind.MainMode && number == 6) || (kind == IkeExchangeKind.QuickMode && number == 3)
                ? ExchangeState.Completed : ExchangeState.InProgress;

            string[] vidHex = Split(f[12]);
            string[] vidNames = Split(f[13]);
            for (int i = 0; i < vidHex.Length; i++)
            {
                string? name = i < vidNames.Length && vidNames[i] != "Unknown Vendor ID" ? vidNames[i] : null;
                sa.VendorIds.Add(new VendorIdObservation(vidHex[i], name, null, fromInitiator));
            }
        }

        if (sa is not null)
        {
            sa.State = sa.Exchanges.Exists(x => x.Kind == IkeExchangeKind.MainMode && x.State == ExchangeState.Completed)
                ? IkeSaState.Established : IkeSaState.Negotiating;
            sa.Nat.InitiatorSupportsNatT = sa.VendorIds.Exists(v => v.FromInitiator && v.Name?.Contains("NAT-Traversal", StringComparison.Ordinal) == true);
            sa.Nat.ResponderSupportsNatT = sa.VendorIds.Exists(v => !v.FromInitiator && v.Name?.Contains("NAT-Traversal", StringComparison.Ordinal) == true);
            model.IkeSas.Add(sa);
        }

        return model;
    }

    private static CaptureModel EspModel(AnalysisInput input)
    {
        string[] rows = Fields(input.Path, "frame.number", "frame.time_epoch", "ip.src", "ip.dst", "udp.srcport", "udp.dstport", "esp.spi", "esp.sequence", "udp.length");
        var model = new CaptureModel(input);
        model.Statistics.Frames = rows.Length;
        foreach (string row in rows)
        {
            string[] f = row.Split('|');
            var frame = new FrameRef(input.Index, long.Parse(f[0], CultureInfo.InvariantCulture), Time(f[1]));
            uint spi = uint.Parse(f[6].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            uint sequence = uint.Parse(f[7], CultureInfo.InvariantCulture);
            EspFlow? flow = model.EspFlows.Find(x => x.Spi == spi);
            if (flow is null)
            {
                flow = new EspFlow
                {
                    Spi = spi,
                    Source = new NetEndpoint(NetAddress.Parse(f[2]), ushort.Parse(f[4], CultureInfo.InvariantCulture)),
                    Destination = new NetEndpoint(NetAddress.Parse(f[3]), ushort.Parse(f[5], CultureInfo.InvariantCulture)),
                    Encapsulation = EspEncapsulation.Udp,
                    First = frame,
                    FirstSequence = sequence,
                    WithoutIkeSa = true,
                };
                model.EspFlows.Add(flow);
            }

            flow.Packets++;
            flow.Bytes += int.Parse(f[8], CultureInfo.InvariantCulture) - 8;
            flow.Last = frame;
            flow.LastSequence = sequence;
        }

        return model;
    }

    private static string[] Fields(string path, params string[] fields)
    {
        var arguments = new List<string> { "-T", "fields", "-E", "separator=|", "-E", "aggregator=," };
        foreach (string field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        return Tshark.Run(path, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string[] Split(string list) => list.Length == 0 ? [] : list.Split(',');

    /// <summary>tshark's epoch seconds with nine fraction digits, kept exact.</summary>
    internal static Timestamp Time(string epoch)
    {
        string[] parts = epoch.Split('.');
        long seconds = long.Parse(parts[0], CultureInfo.InvariantCulture);
        string fraction = parts.Length > 1 ? parts[1].PadRight(9, '0')[..9] : "0";
        return Timestamp.FromUnix(seconds, long.Parse(fraction, CultureInfo.InvariantCulture), 6);
    }
}

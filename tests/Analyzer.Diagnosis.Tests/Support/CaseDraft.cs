using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Tests.Support;

/// <summary>
/// Builds Case objects from the session model classes, the way the IKE/ESP/L2TP trackers fill them,
/// so each rule condition can be unit-tested before the whole pipeline is merged. Times are seconds
/// from a fixed start; frames are numbered in the order messages are added.
/// </summary>
internal sealed class CaseDraft
{
    public static readonly Timestamp Start = Timestamp.FromDateTime(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), 6);

    public static readonly NetEndpoint Client = new(NetAddress.Parse("198.51.100.10"), 500);
    public static readonly NetEndpoint Server = new(NetAddress.Parse("203.0.113.1"), 500);

    private long _frame;

    public CaseDraft(int captures = 1)
    {
        List<AnalysisInput> inputs = [];
        for (int i = 0; i < captures; i++)
        {
            var input = new AnalysisInput(i, $"capture{i}.pcap", $"capture{i}.pcap", InputKind.Pcap);
            inputs.Add(input);
            Captures.Add(new CaptureModel(input));
        }

        Inputs = inputs;
    }

    public List<AnalysisInput> Inputs { get; }

    public List<CaptureModel> Captures { get; } = [];

    public CaptureModel Capture => Captures[0];

    public Case Build() => new() { Inputs = Inputs, Captures = Captures };

    /// <summary>An IP datagram that never completed, tied to its SA the way the Sessions stage ties it.</summary>
    public void Lose(Analyzer.Protocols.Traffic.IncompleteIpDatagram datagram, int capture = 0)
    {
        Captures[capture].IncompleteDatagrams.Add(datagram);
        LostDatagramMatcher.Attach(datagram, Captures[capture].IkeSas);
    }

    public FrameRef Frame(double seconds, int input = 0) => new(input, ++_frame, Start.AddSeconds(seconds));

    public IkeSa Sa(IkeExchangeKind phase1 = IkeExchangeKind.MainMode, NetEndpoint? initiator = null, NetEndpoint? responder = null,
        ulong cookie = 0x1122334455667788, int method = 1, int capture = 0)
    {
        var sa = new IkeSa
        {
            Version = phase1 == IkeExchangeKind.IkeSaInit ? 2 : 1,
            InitiatorCookie = cookie,
            Initiator = initiator ?? Client,
            Responder = responder ?? Server,
            Phase1 = phase1,
            State = IkeSaState.Negotiating,
            AuthenticationMethod = new TransformValue(TransformRegistry.V1AuthenticationMethod, method),
        };
        sa.Proposals.Add(new IkeProposal(1, 1, SecurityProtocol.Ike, false, 256, 28800)
        {
            Algorithms = [new(TransformRegistry.V1Encryption, 7), new(TransformRegistry.V1Hash, 4), sa.AuthenticationMethod.Value, new(TransformRegistry.DhGroup, 14)],
        });
        Captures[capture].IkeSas.Add(sa);
        return sa;
    }

    /// <summary>Adds one message to the SA and to its exchange (created on first use).</summary>
    public IkeMessage Message(IkeSa sa, IkeExchangeKind kind, int number, bool fromInitiator, double seconds,
        ushort port = 500, int ipFragments = 1, bool encrypted = false, uint messageId = 0, int length = 300,
        IkeNotifyObservation? notify = null)
    {
        FrameRef frame = Frame(seconds, CaptureIndexOf(sa));
        // Behind a NAT only the first client keeps 500/4500; others get mapped ports (here: its 500-side port + 1).
        ushort natTPort = sa.Initiator.Port == 500 ? (ushort)4500 : (ushort)(sa.Initiator.Port + 1);
        NetEndpoint initiator = sa.Initiator with { Port = port == 4500 ? natTPort : sa.Initiator.Port };
        NetEndpoint responder = sa.Responder with { Port = port };
        var message = new IkeMessage
        {
            Frame = frame,
            From = fromInitiator ? initiator : responder,
            To = fromInitiator ? responder : initiator,
            FromInitiator = fromInitiator,
            Exchange = kind,
            MessageId = messageId,
            Number = number,
            Encrypted = encrypted,
            IpFragments = ipFragments,
            Length = length,
            NatTraversal = port == 4500,
            Notifies = notify is null ? [] : [notify with { Frame = frame }],
            // The bytes' identity, as the session stage hashes them: a retransmission is the same
            // message, each other message its own (connection attempts merge messages by it).
            ContentHash = sa.InitiatorCookie ^ ((ulong)kind << 56) ^ ((ulong)messageId << 16) ^ ((ulong)number << 1) ^ (fromInitiator ? 1UL : 0),
        };
        IkeExchange exchange = sa.Exchanges.Find(e => e.Kind == kind && e.MessageId == messageId)
            ?? AddExchange(sa, kind, messageId);
        exchange.Messages.Add(message);
        exchange.HighestMessage = Math.Max(exchange.HighestMessage, number);
        sa.Messages.Add(message);
        if (notify is not null)
        {
            sa.Notifies.Add(notify with { Frame = frame });
        }

        return message;
    }

    /// <summary>A complete Main Mode (messages 1-6) from <paramref name="seconds"/> on.</summary>
    public void MainMode(IkeSa sa, double seconds, int upTo = 6, ushort laterPort = 500)
    {
        for (int n = 1; n <= upTo; n++)
        {
            Message(sa, IkeExchangeKind.MainMode, n, n % 2 == 1, seconds + (n * 0.01), port: n >= 5 ? laterPort : (ushort)500, encrypted: n >= 5);
        }

        IkeExchange exchange = sa.Exchanges[0];
        if (upTo == 6)
        {
            exchange.State = ExchangeState.Completed;
            sa.State = IkeSaState.Established;
        }
    }

    public IkeExchange QuickMode(IkeSa sa, double seconds, bool complete = true, uint messageId = 0xabcd0001, ushort port = 500)
    {
        Message(sa, IkeExchangeKind.QuickMode, 1, true, seconds, port: port, encrypted: true, messageId: messageId);
        if (complete)
        {
            Message(sa, IkeExchangeKind.QuickMode, 2, false, seconds + 0.01, port: port, encrypted: true, messageId: messageId);
            Message(sa, IkeExchangeKind.QuickMode, 3, true, seconds + 0.02, port: port, encrypted: true, messageId: messageId);
        }

        IkeExchange exchange = sa.Exchanges.Find(e => e.MessageId == messageId)!;
        exchange.State = complete ? ExchangeState.Completed : ExchangeState.NoResponse;
        return exchange;
    }

    public EspFlow Esp(IkeSa sa, bool fromInitiator, long packets, double first, double last, uint spi, int capture = 0)
    {
        var flow = new EspFlow
        {
            Spi = spi,
            Source = fromInitiator ? sa.Initiator with { Port = 0 } : sa.Responder with { Port = 0 },
            Destination = fromInitiator ? sa.Responder with { Port = 0 } : sa.Initiator with { Port = 0 },
            Encapsulation = EspEncapsulation.Esp,
            Packets = packets,
            First = Frame(first, capture),
            Last = Frame(last, capture),
            IkeSa = sa,
        };
        Captures[capture].EspFlows.Add(flow);
        return flow;
    }

    public void EndAt(double seconds, int capture = 0) => Captures[capture].Statistics.LastTime = Start.AddSeconds(seconds);

    private static IkeExchange AddExchange(IkeSa sa, IkeExchangeKind kind, uint messageId)
    {
        var exchange = new IkeExchange { Kind = kind, MessageId = messageId };
        sa.Exchanges.Add(exchange);
        return exchange;
    }

    private int CaptureIndexOf(IkeSa sa) => Captures.FindIndex(c => c.IkeSas.Contains(sa));
}

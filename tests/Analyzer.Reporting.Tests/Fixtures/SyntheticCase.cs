using Analyzer.Protocols.Ppp;
using Analyzer.Protocols.L2tp;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Events;
using Analyzer.Correlation.Paths;
using Analyzer.Diagnosis;
using Analyzer.EventLogs;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Reporting.Tests.Fixtures;

/// <summary>
/// A hand-built case for what no public capture shows (say so wherever it is used): an L2TP
/// control session with PPP, a Windows event log, two vantage points with a NAT and losses, lost
/// IKE fragments, and hostile strings in every field an input controls.
/// </summary>
internal static class SyntheticCase
{
    public static readonly NetEndpoint Client = new(NetAddress.Parse("192.168.1.23"), 500);
    public static readonly NetEndpoint ClientOutside = new(NetAddress.Parse("203.0.113.7"), 4500);
    public static readonly NetEndpoint Server = new(NetAddress.Parse("198.51.100.10"), 500);
    public static readonly Timestamp Start = Timestamp.FromUnix(1_764_000_000, 123_456_000, 6);

    public const string ServerHost = "vpn.corp.example";
    public const string ClientHost = "laptop-ann";
    public const string UserName = "CORP\\annsmith";
    public const string CertificateSubject = "CN=vpn.corp.example, O=Corp Ltd, C=DE";

    public static Case Build(bool hostile)
    {
        string Text(string normal, string attack) => hostile ? attack : normal;
        var client = new AnalysisInput(0, "/tickets/42/client.pcapng", "client.pcapng", InputKind.Pcapng);
        var server = new AnalysisInput(1, "/tickets/42/server.pcap", "server.pcap", InputKind.Pcap);
        var log = new AnalysisInput(2, "/tickets/42/Security.evtx", "Security.evtx", InputKind.Evtx);

        var capture = new CaptureModel(client);
        capture.Statistics.Frames = 40;
        IkeSa sa = IkeSa(Text, client.Index);
        capture.IkeSas.Add(sa);
        var lost = new IncompleteIpDatagram(17, Client, Server, 0x1234,
            [new FrameRef(0, 9, Start.AddSeconds(1.2))], [(0, 1480)], null, []);
        capture.IncompleteDatagrams.Add(lost);
        Sessions.Ike.LostDatagramMatcher.Attach(lost, capture.IkeSas);
        capture.L2tpTunnels.Add(Tunnel(Text, client.Index));
        capture.Diagnostics.Add(new InputDiagnostic(client.Path, 0x1F3A0, 812, Text("block length exceeds file size", HostileStrings.Script)));

        var serverCapture = new CaptureModel(server);
        serverCapture.Statistics.Frames = 12;
        var pptp = new Sessions.Pptp.PptpConnection
        {
            Client = new NetEndpoint(ClientOutside.Address, 50123),
            Server = new NetEndpoint(Server.Address, 1723),
            GreFromClient = 4,
            GreFromServer = 0,
            FirstFrame = new FrameRef(server.Index, 10, Start.AddSeconds(8)),
            Ppp = new PppSession { AuthenticationProtocol = new PppAuthenticationProtocol(PppProtocols.Chap, PppAuthentication.MsChapV2Algorithm), LcpLoop = true },
        };
        pptp.ControlMessages.Add(new Sessions.Pptp.PptpControlObservation(new FrameRef(server.Index, 10, Start.AddSeconds(8)), true,
            Protocols.Pptp.PptpMessageType.StartControlConnectionRequest, null));
        pptp.ControlMessages.Add(new Sessions.Pptp.PptpControlObservation(new FrameRef(server.Index, 11, Start.AddSeconds(8.1)), false,
            Protocols.Pptp.PptpMessageType.StartControlConnectionReply, new Sessions.Pptp.PptpResult(1, 0)));
        pptp.Anomalies.Add(new Sessions.Pptp.PptpAnomaly(Sessions.Pptp.PptpAnomalyKind.MalformedControlMessage, new FrameRef(server.Index, 12, Start.AddSeconds(8.2)),
            Text("PPTP control: BadMagic", HostileStrings.Script)));
        serverCapture.PptpConnections.Add(pptp);

        EventRecord failure = new()
        {
            InputIndex = log.Index,
            RecordId = 4711,
            EventId = 4653,
            Provider = "Microsoft-Windows-Security-Auditing",
            Channel = "Security",
            Computer = Text(ServerHost, HostileStrings.SvgBreakout),
            Level = "0",
            Time = Start.AddSeconds(2.5),
            Written = Start.AddSeconds(2.6),
            Data =
            [
                new("LocalMMPrincipalName", Text(CertificateSubject, HostileStrings.Image)),
                new("RemoteMMPrincipalName", "192.168.1.23"),
                new("TargetUserName", UserName),
                new("FailureReason", Text("No policy configured", HostileStrings.Formula)),
            ],
            Message = Text("IPsec main mode negotiation failed.", HostileStrings.Heading),
            Normalized = new NormalizedEvent { Kind = "ike-mainmode-failure", IsFailure = true, Code = 13801, CodeMeaning = "certificate not valid", UserName = UserName },
        };
        EventRecord positional = new()
        {
            InputIndex = log.Index,
            RecordId = 4712,
            EventId = 20227,
            Provider = "RasClient",
            Time = Start.AddSeconds(3),
            Data = [new("0", Text("{vpn}", HostileStrings.Entity)), new("1", "809")],
            DataIsPositional = true,
        };

        var path = new PathComparison { ClockOffsetSeconds = 0.25 };
        path.Captures.Add(new VantagePoint(client.Index, "client", "sends the first IKE message"));
        path.Captures.Add(new VantagePoint(server.Index, "server", "answers IKE on UDP 500"));
        path.Translations.Add(new NatTranslation("udp4500", new NetEndpoint(Client.Address, 4500), ClientOutside, true));
        path.Directions.Add(new PathDirection("client", "server", "udp500", 4, 4, 0, [], []));
        path.Directions.Add(new PathDirection("server", "client", "udp500", 4, 3, 1, [new FrameRef(server.Index, 7, Start.AddSeconds(0.8))], []));
        path.Directions.Add(new PathDirection("client", "server", "esp", 10, 0, 10,
            [new FrameRef(client.Index, 20, Start.AddSeconds(5)), new FrameRef(client.Index, 21, Start.AddSeconds(5.5))], []));
        path.Directions.Add(new PathDirection("client", "server", "udp1701", 3, 3, 0, [],
            [new ModifiedPacket(new FrameRef(client.Index, 30, Start.AddSeconds(6)), new FrameRef(server.Index, 9, Start.AddSeconds(6.2)), 40, 2, "payload bytes changed")]));
        path.TransitSeconds["client→server"] = 0.021;

        return new Case
        {
            Inputs = [client, server, log],
            Captures = [capture, serverCapture],
            Events = [failure, positional],
            CorrelatedEvents = [new CorrelatedEvent(failure, sa.Messages[2].Frame, sa, CorrelationMethod.Cookies, 1.1)],
            ClockOffsets = [new LogClockOffset(log.Index, client.Index, 1.0, 3)],
            Paths = [path],
            Diagnostics = [new InputDiagnostic("/elsewhere/other.log", null, null, "could not be read")],
        };
    }

    /// <summary>Findings as the rules stage would rank them (a stand-in: rule ids from the catalogue, facts from this case).</summary>
    public static DiagnosisResult Diagnosis(bool hostile) => new()
    {
        Findings =
        [
            new Finding
            {
                RuleId = "ike-no-response",
                Title = "The server never answered Main Mode message 5",
                Severity = Severity.Error,
                Category = "internet-devices",
                Cause = "internet-devices",
                Owner = "network/firewall team",
                Summary = hostile ? "Identity " + HostileStrings.Script + " was sent 3 times; no answer." : "MM5 was sent 3 times from 192.168.1.23 to 198.51.100.10; no answer.",
                Evidence =
                [
                    new Evidence(0, 5, null, Start.AddSeconds(0.5), "MM5 sent") { DisplayFilter = "isakmp.ispi == 01:02:03:04:05:06:07:08" },
                    new Evidence(0, 9, null, Start.AddSeconds(1.2), "IP fragment of MM5 retransmission"),
                    new Evidence(2, null, 4711, Start.AddSeconds(2.5), hostile ? HostileStrings.Link : "4653 on the server: main mode failed"),
                ],
                Remediation = ["Allow UDP 500 and 4500 between the client and the server.", hostile ? HostileStrings.Emphasis : "Check that the NAT device forwards IP fragments."],
                References = ["RFC 3947", "https://learn.microsoft.com/troubleshoot/windows-server/networking/l2tp-ipsec"],
            },
            new Finding
            {
                RuleId = "nat-observed",
                Title = "A NAT rewrites the client's address",
                Severity = Severity.Info,
                Category = "internet-devices",
                Summary = "192.168.1.23:4500 appears as 203.0.113.7:4500 at the server.",
            },
        ],
        RuleErrors = [hostile ? "rules/x.yaml:3: " + HostileStrings.Script : "rules/broken.yaml:3: unknown field 'when'"],
    };

    private static IkeSa IkeSa(Func<string, string, string> text, int input)
    {
        var sa = new IkeSa
        {
            Version = 1,
            InitiatorCookie = 0x0102030405060708,
            ResponderCookie = 0x1112131415161718,
            Initiator = Client,
            Responder = Server,
            Phase1 = IkeExchangeKind.MainMode,
            State = IkeSaState.Failed,
            AuthenticationMethod = new TransformValue(TransformRegistry.V1AuthenticationMethod, 3), // RSA Signature
        };
        var exchange = new IkeExchange { Kind = IkeExchangeKind.MainMode, MessageId = 0, State = ExchangeState.NoResponse, HighestMessage = 5, StalledAfterMessage = 5 };
        PayloadType[][] payloads =
        [
            [PayloadType.SecurityAssociation, PayloadType.VendorId, PayloadType.VendorId, PayloadType.VendorId], [PayloadType.SecurityAssociation, PayloadType.VendorId],
            [PayloadType.KeyExchange, PayloadType.Nonce, PayloadType.NatDiscovery, PayloadType.NatDiscovery],
            [PayloadType.KeyExchange, PayloadType.Nonce, PayloadType.CertificateRequest, PayloadType.NatDiscovery, PayloadType.NatDiscovery],
            [PayloadType.Identification, PayloadType.Certificate, PayloadType.Signature], [PayloadType.Identification, PayloadType.Certificate, PayloadType.Signature],
            [PayloadType.Identification, PayloadType.Certificate, PayloadType.Signature],
        ];
        int[] numbers = [1, 2, 3, 4, 5, 5, 5];
        for (int i = 0; i < payloads.Length; i++)
        {
            bool fromInitiator = numbers[i] % 2 == 1;
            var message = new IkeMessage
            {
                Frame = new FrameRef(input, i + 1, Start.AddSeconds(i * 0.3)),
                From = fromInitiator ? Client : Server,
                To = fromInitiator ? Server : Client,
                FromInitiator = fromInitiator,
                Exchange = IkeExchangeKind.MainMode,
                ExchangeType = 2,
                Number = numbers[i],
                Payloads = [.. payloads[i]],
                Encrypted = numbers[i] >= 5,
                Retransmission = i >= 5,
                IpFragments = numbers[i] == 5 ? 2 : 1,
            };
            sa.Messages.Add(message);
            exchange.Messages.Add(message);
        }

        sa.Exchanges.Add(exchange);
        sa.VendorIds.Add(new VendorIdObservation("4048b7d56ebce88525e7de7f00d6c2d3", "RFC 3947 NAT-T", null, true));
        sa.VendorIds.Add(new VendorIdObservation("deadbeef3c7363726970743e", null, text("vendor-x", HostileStrings.Script), true));
        sa.VendorIds.Add(new VendorIdObservation("1e2b516905991c7d7c96fcbfb587e461", text("MS NT5 ISAKMPOAKLEY v9", HostileStrings.Image), null, false));
        var proposal = new IkeProposal(1, 1, SecurityProtocol.Ike, false, 256, 28800)
        {
            Attributes = [new(Ikev1AttributeNames.Phase1Encryption, 7), new(Ikev1AttributeNames.Phase1KeyLength, 256), new(Ikev1AttributeNames.Phase1Hash, 4)],
            Algorithms = [new(TransformRegistry.V1Encryption, 7), new(TransformRegistry.V1Hash, 4), new(TransformRegistry.V1AuthenticationMethod, 3), new(TransformRegistry.DhGroup, 14)],
        };
        sa.Proposals.Add(proposal);
        sa.Proposals.Add(proposal with
        {
            TransformNumber = 2, KeyLength = null,
            Algorithms = [new(TransformRegistry.V1Encryption, 5), new(TransformRegistry.V1Hash, 4), new(TransformRegistry.V1AuthenticationMethod, 3), new(TransformRegistry.DhGroup, 2)],
        });
        sa.Chosen = proposal;
        sa.Identities.Add(new IkeIdentity(sa.Messages[4].Frame, true, IdentificationTypes.DerAsn1Dn, false, text("CN=laptop-ann.corp.example", HostileStrings.Script), 17, 500) { Kind = IdentityKind.DirectoryName });
        sa.Identities.Add(new IkeIdentity(sa.Messages[4].Frame, true, IdentificationTypes.UserFqdn, false, text("annsmith@corp.example", HostileStrings.Fence), 0, 0) { Kind = IdentityKind.User });
        sa.Certificates.Add(new IkeCertificate(sa.Messages[4].Frame, true, CertificateEncodings.X509Signature, text(CertificateSubject, HostileStrings.Emphasis),
            "CN=Corp Root CA, O=Corp Ltd", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 2048, "01ab", null));
        sa.CertificateRequests.Add(new IkeCertificateRequest(sa.Messages[3].Frame, false, CertificateEncodings.X509Signature, "CN=Corp Root CA, O=Corp Ltd"));
        sa.Notifies.Add(new IkeNotifyObservation(sa.Messages[1].Frame, NotifyTypes.V1InitialContact, false, false, false,
            text(null!, HostileStrings.Autolink) is string gateway ? new IkeNotifyDetail(IkeNotifyDetailKind.Redirect, GatewayName: gateway) : null));
        sa.Anomalies.Add(new IkeAnomaly(IkeAnomalyKind.PayloadExtraData, sa.Messages[0].Frame, text("4 bytes after the last payload", HostileStrings.Bidi)));
        sa.Nat.InitiatorSupportsNatT = true;
        sa.Nat.ResponderSupportsNatT = true;
        sa.Nat.NatTVersion = "RFC 3947";
        sa.Nat.NatDiscoveryExchanged = true;
        sa.Nat.HashesVerified = true;
        sa.Nat.InitiatorBehindNat = true;
        sa.Nat.ResponderBehindNat = false;
        return sa;
    }

    private static L2tpTunnel Tunnel(Func<string, string, string> text, int input)
    {
        var lac = new NetEndpoint(Client.Address, 1701);
        var lns = new NetEndpoint(Server.Address, 1701);
        var tunnel = new L2tpTunnel
        {
            Client = lac,
            Server = lns,
            ClientTunnelId = 7,
            ServerTunnelId = 3,
            State = L2tpTunnelState.Stopped,
            Result = new L2tpResult(2, "General error", 6, "Generic vendor-specific error", text("peer closed", HostileStrings.Heading)),
            ClientHostName = text(ClientHost, HostileStrings.Script),
            ServerHostName = text("lns-1", HostileStrings.Link),
            ClientVendorName = text("Microsoft", HostileStrings.Emphasis),
            ServerVendorName = text("xl2tpd", HostileStrings.Autolink),
            InClearText = false,
            DataFromClient = 12,
            DataFromServer = 9,
        };
        (string Type, bool FromClient, ushort Ns, ushort Nr)[] messages =
        [
            ("SCCRQ", true, 0, 0), ("SCCRP", false, 0, 1), ("SCCCN", true, 1, 1), ("ZLB", false, 1, 2), ("ICRQ", true, 2, 1),
            ("ICRP", false, 1, 3), ("ICCN", true, 3, 2), ("ICCN", true, 3, 2), ("ZLB", false, 2, 4), ("StopCCN", false, 2, 4),
        ];
        for (int i = 0; i < messages.Length; i++)
        {
            (string type, bool fromClient, ushort ns, ushort nr) = messages[i];
            var avps = new List<L2tpAvpValue> { new(0, 0, "Message Type", type, true, false) };
            if (type == "SCCRQ")
            {
                avps.Add(new L2tpAvpValue(0, 7, "Host Name", text(ClientHost, HostileStrings.Script), true, false));
                avps.Add(new L2tpAvpValue(0, 8, "Vendor Name", text("Microsoft", HostileStrings.Image), false, false));
            }

            if (type == "StopCCN")
            {
                avps.Add(new L2tpAvpValue(0, 1, "Result Code", "2 General error", true, false));
            }

            tunnel.ControlMessages.Add(new L2tpControlMessage
            {
                Frame = new FrameRef(input, 20 + i, Start.AddSeconds(3 + (i * 0.05))),
                From = fromClient ? lac : lns,
                To = fromClient ? lns : lac,
                MessageType = Enum.GetValues<L2tpMessageType>().First(t => L2tpMessageTypes.Name(t) == type), // the fixture lists RFC 2661 §6 names
                Ns = ns,
                Nr = nr,
                IsZlb = type == "ZLB",
                Retransmission = i == 7,
                TunnelId = fromClient ? (ushort)3 : (ushort)7,
                Avps = avps,
            });
        }

        var ppp = new PppSession
        {
            AuthenticationProtocol = new PppAuthenticationProtocol(PppProtocols.Chap, PppAuthentication.MsChapV2Algorithm),
            AuthenticationResult = PppAuthenticationResult.Failure,
            AuthenticationErrorCode = 691,
            AuthenticationMessage = text("E=691 R=0 V=3", HostileStrings.Script),
            UserName = UserName,
            LcpOpened = true,
            AuthenticationFrame = new FrameRef(input, 33, Start.AddSeconds(3.8)),
        };
        ppp.Packets.Add(new PppPacketObservation(new FrameRef(input, 31, Start.AddSeconds(3.6)), true, PppProtocols.Lcp, PppCodes.ConfigureRequest, 1, "MRU 1400, Magic 0x1a2b3c4d"));
        ppp.Packets.Add(new PppPacketObservation(new FrameRef(input, 33, Start.AddSeconds(3.8)), false, PppProtocols.Chap, 4, 1, text("E=691", HostileStrings.Image)));
        tunnel.Sessions.Add(new L2tpSession { ClientSessionId = 1, ServerSessionId = 9, State = L2tpSessionState.Disconnected, DataPackets = 21, Ppp = ppp });
        tunnel.Anomalies.Add(new L2tpAnomaly(L2tpAnomalyKind.MalformedMessage, new FrameRef(input, 34, Start.AddSeconds(3.9)), text("Ns jumped from 1 to 3", HostileStrings.Entity)));
        return tunnel;
    }
}

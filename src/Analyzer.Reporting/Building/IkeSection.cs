using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Reporting.Document;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Building;

/// <summary>Every IKE SA of every capture, with messages, proposals, identities and NAT-T results.</summary>
internal static class IkeSection
{
    public static IkeReport Build(BuildContext context)
    {
        var sas = new List<ReportIkeSa>();
        var chains = new PayloadChains();
        var proposals = new ProposalReports();
        foreach (CaptureModel capture in context.Case.Captures)
        {
            string input = context.InputName(capture.Input.Index);
            foreach (IkeSa sa in capture.IkeSas)
            {
                if (context.IsListed(sa))
                {
                    sas.Add(ToReport(context.Values, sa, input, chains, proposals));
                }
            }
        }

        return new IkeReport { Sas = sas, SasNotListed = context.SasNotListed };
    }

    private static ReportIkeSa ToReport(ReportValues values, IkeSa sa, string input, PayloadChains chains, ProposalReports proposals)
    {
        var messages = new List<ReportIkeMessage>(sa.Messages.Count);
        foreach (IkeMessage message in sa.Messages)
        {
            messages.Add(ToReport(values, message, chains));
        }

        var exchanges = new List<ReportIkeExchange>(sa.Exchanges.Count);
        foreach (IkeExchange exchange in sa.Exchanges)
        {
            ChildSaNegotiation? child = exchange.ChildSa;
            exchanges.Add(new ReportIkeExchange
            {
                Kind = ReportNames.Kebab(exchange.Kind),
                MessageId = exchange.MessageId,
                State = ReportNames.Kebab(exchange.State),
                Messages = exchange.Messages.Count,
                HighestMessage = exchange.HighestMessage,
                StalledAfterMessage = exchange.StalledAfterMessage,
                RejectingNotify = exchange.RejectingNotify is { } rejecting ? NotifyTypes.Name(rejecting.Type, rejecting.V2) : null,
                EncapsulationMode = child?.EncapsulationModeId is int mode ? Ikev1AttributeNames.EncapsulationModes.Name(mode) : null,
                Offered = child is null ? [] : Proposals(child.Offered, proposals),
                Chosen = child?.Chosen is IkeProposal childChosen ? proposals.Of(childChosen) : null,
                TrafficSelectors = child is null ? [] : TrafficSelectors(values, child.TrafficSelectors),
            });
        }

        var vendorIds = new List<ReportVendorId>(sa.VendorIds.Count);
        foreach (VendorIdObservation vid in sa.VendorIds)
        {
            vendorIds.Add(new ReportVendorId(ReportNames.Side(vid.FromInitiator), vid.Hex, vid.Name, values.Text(vid.PrintableText)));
        }

        var identities = new List<ReportIdentity>(sa.Identities.Count);
        foreach (IkeIdentity id in sa.Identities)
        {
            identities.Add(new ReportIdentity(id.Frame.Frame, ReportNames.Side(id.FromInitiator), IdentificationTypes.Name(id.IdType, id.V2), values.Identity(id.Kind, id.Value), id.Protocol, id.Port));
        }

        var certificates = new List<ReportCertificate>(sa.Certificates.Count);
        foreach (IkeCertificate cert in sa.Certificates)
        {
            certificates.Add(new ReportCertificate
            {
                Frame = cert.Frame.Frame,
                From = ReportNames.Side(cert.FromInitiator),
                Encoding = CertificateEncodings.Table.Name(cert.Encoding),
                Subject = values.Subject(cert.Subject),
                Issuer = values.Subject(cert.Issuer),
                NotBefore = ReportNames.Date(cert.NotBefore),
                NotAfter = ReportNames.Date(cert.NotAfter),
                KeySizeBits = cert.KeySizeBits,
                SerialNumber = cert.SerialNumber,
                Error = values.Text(cert.Error ?? (CertificateEncodings.IsX509(cert.Encoding) ? null : "encoding not decoded: " + CertificateEncodings.Table.Name(cert.Encoding))),
            });
        }

        var requests = new List<ReportCertificateRequest>(sa.CertificateRequests.Count);
        foreach (IkeCertificateRequest request in sa.CertificateRequests)
        {
            requests.Add(new ReportCertificateRequest(request.Frame.Frame, ReportNames.Side(request.FromInitiator), CertificateEncodings.Table.Name(request.Encoding), values.Subject(request.CertificateAuthority)));
        }

        var notifies = new List<ReportNotify>(sa.Notifies.Count);
        foreach (IkeNotifyObservation notify in sa.Notifies)
        {
            notifies.Add(new ReportNotify(notify.Frame.Frame, ReportNames.Time(notify.Frame.Time), notify.Type, NotifyTypes.Name(notify.Type, notify.V2),
                ReportNames.Side(notify.FromInitiator), notify.Encrypted, notify.IsError, NotifyDetail(values, notify.Detail)));
        }

        var deletes = new List<ReportDelete>(sa.Deletes.Count);
        foreach (IkeDeleteObservation delete in sa.Deletes)
        {
            deletes.Add(new ReportDelete(delete.Frame.Frame, ReportNames.Side(delete.FromInitiator), ProtocolIds.Name((byte)delete.Protocol, delete.V2), [.. delete.Spis]));
        }

        var anomalies = new List<ReportAnomaly>(sa.Anomalies.Count);
        foreach (IkeAnomaly anomaly in sa.Anomalies)
        {
            anomalies.Add(new ReportAnomaly(anomaly.Frame.Frame, ReportNames.Kebab(anomaly.Kind), values.Text(anomaly.Detail)));
        }

        var childSpis = new List<string>(sa.ChildSpis.Count);
        foreach (uint spi in sa.ChildSpis)
        {
            childSpis.Add(ReportNames.Spi(spi));
        }

        NatDetection nat = sa.Nat;
        return new ReportIkeSa
        {
            Input = input,
            Version = sa.Version,
            InitiatorCookie = ReportNames.Cookie(sa.InitiatorCookie),
            ResponderCookie = ReportNames.Cookie(sa.ResponderCookie),
            Initiator = values.Endpoint(sa.Initiator),
            Responder = values.Endpoint(sa.Responder),
            Exchange = ReportNames.Kebab(sa.Phase1),
            State = ReportNames.Kebab(sa.State),
            AuthenticationMethod = sa.AuthenticationMethod?.Name,
            Decrypted = sa.Decrypted,
            DecryptedWithKeyFrom = sa.Decrypted ? values.Text(sa.DecryptionKeyOrigin) : null,
            Nat = new ReportNat
            {
                InitiatorSupportsNatT = nat.InitiatorSupportsNatT,
                ResponderSupportsNatT = nat.ResponderSupportsNatT,
                Version = nat.NatTVersion,
                DiscoveryExchanged = nat.NatDiscoveryExchanged,
                HashesVerified = nat.HashesVerified,
                InitiatorBehindNat = nat.InitiatorBehindNat,
                ResponderBehindNat = nat.ResponderBehindNat,
                FloatedToPort4500 = nat.FloatedToPort4500,
                FirstNatTFrame = nat.FirstNatTFrame,
            },
            VendorIds = vendorIds,
            Proposals = Proposals(sa.Proposals, proposals),
            Chosen = sa.Chosen is IkeProposal chosen ? proposals.Of(chosen) : null,
            Identities = identities,
            Certificates = certificates,
            CertificateRequests = requests,
            Notifies = notifies,
            Deletes = deletes,
            Anomalies = anomalies,
            Exchanges = exchanges,
            ChildSpis = childSpis,
            IncompleteDatagrams = LostDatagrams(values, sa),
            Messages = messages,
            MessagesNotListed = sa.MessagesNotListed,
        };
    }

    private static ReportIkeMessage ToReport(ReportValues values, IkeMessage message, PayloadChains chains)
    {
        var notifies = new List<string>(message.Notifies.Count);
        foreach (IkeNotifyObservation notify in message.Notifies)
        {
            notifies.Add(NotifyTypes.Name(notify.Type, notify.V2));
        }

        return new ReportIkeMessage
        {
            Frame = message.Frame.Frame,
            Time = ReportNames.Time(message.Frame.Time),
            From = values.Endpoint(message.From),
            To = values.Endpoint(message.To),
            FromInitiator = message.FromInitiator,
            Exchange = ReportNames.Kebab(message.Exchange),
            ExchangeType = message.ExchangeType,
            MessageId = message.MessageId,
            Number = message.Number,
            Payloads = PayloadNamesOf(message.Payloads, chains),
            PayloadTypes = PayloadNumbersOf(message.Payloads, chains),
            Encrypted = message.Encrypted,
            Decrypted = message.Decrypted,
            Retransmission = message.Retransmission,
            Fragment = message.Fragment is IkeFragmentInfo fragment ? new ReportIkeFragment(fragment.Index, fragment.Last) : null,
            IpFragments = message.IpFragments,
            Length = message.Length,
            NatTraversal = message.NatTraversal,
            Notifies = notifies,
        };
    }

    // Arrays of the exact size, not LINQ lists: two per message, tens of thousands of messages on a
    // large capture (docs/performance.md, sixth session). The chains are few (MM1 is SA and vendor
    // IDs wherever it goes), so messages with the same chain share its two arrays (seventh session);
    // the document is read-only.
    private static string[] PayloadNamesOf(IReadOnlyList<PayloadType> payloads, PayloadChains chains) =>
        chains.Of(payloads).Names;

    private static int[] PayloadNumbersOf(IReadOnlyList<PayloadType> payloads, PayloadChains chains) =>
        chains.Of(payloads).Numbers;

    /// <summary>The spelled payload chains of one IKE section build, by chain (one thread).</summary>
    private sealed class PayloadChains
    {
        // A chain of up to 15 payload types packs into one key: its length, then a byte per type.
        private const int MaxPacked = 15;

        private readonly Dictionary<UInt128, (string[] Names, int[] Numbers)> _chains = [];

        public (string[] Names, int[] Numbers) Of(IReadOnlyList<PayloadType> payloads)
        {
            if (payloads.Count > MaxPacked)
            {
                return Spell(payloads);
            }

            UInt128 key = (UInt128)payloads.Count;
            for (int i = 0; i < payloads.Count; i++)
            {
                key = (key << 8) | (byte)payloads[i];
            }

            if (!_chains.TryGetValue(key, out (string[] Names, int[] Numbers) spelled))
            {
                spelled = Spell(payloads);
                _chains.Add(key, spelled);
            }

            return spelled;
        }

        private static (string[] Names, int[] Numbers) Spell(IReadOnlyList<PayloadType> payloads)
        {
            var names = new string[payloads.Count];
            var numbers = new int[payloads.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = PayloadNames.Name(payloads[i]);
                numbers[i] = (int)payloads[i];
            }

            return (names, numbers);
        }
    }

    public static ReportProposal ToReport(IkeProposal proposal)
    {
        var attributes = new List<ReportAttribute>(proposal.Attributes.Count);
        foreach (ProposalAttribute attribute in proposal.Attributes)
        {
            KeyValuePair<string, string> named = ProposalText.Attribute(proposal, attribute);
            attributes.Add(new ReportAttribute(named.Key, named.Value));
        }

        return new ReportProposal
        {
            Proposal = proposal.ProposalNumber,
            Transform = proposal.TransformNumber,
            Protocol = ProposalText.Protocol(proposal),
            Summary = ProposalText.Summary(proposal),
            Encryption = ProposalText.Encryption(proposal),
            KeyLength = proposal.KeyLength,
            Hash = ProposalText.Hash(proposal),
            Authentication = ProposalText.Authentication(proposal),
            DhGroup = ProposalText.DhGroup(proposal),
            Prf = ProposalText.Prf(proposal),
            LifetimeSeconds = proposal.LifetimeSeconds,
            EncapsulationMode = ProposalText.EncapsulationMode(proposal),
            Attributes = attributes,
        };
    }

    private static List<ReportProposal> Proposals(List<IkeProposal> proposals, ProposalReports reports)
    {
        var list = new List<ReportProposal>(proposals.Count);
        foreach (IkeProposal proposal in proposals)
        {
            list.Add(reports.Of(proposal));
        }

        return list;
    }

    private static List<string> TrafficSelectors(ReportValues values, List<IkeIdentity> selectors)
    {
        var list = new List<string>(selectors.Count);
        foreach (IkeIdentity id in selectors)
        {
            list.Add(id.Port == 0 && id.Protocol == 0
                ? values.Identity(id.Kind, id.Value)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{values.Identity(id.Kind, id.Value)} {ProtocolName(id.Protocol)}/{id.Port}"));
        }

        return list;
    }

    private static string ProtocolName(byte protocol) => protocol switch
    {
        17 => "udp",
        6 => "tcp",
        0 => "any",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"sequence 7", "accepted group MODP_2048", "to 192.0.2.1": what the notify's data said, the group named by its registry.</summary>
    private static string? NotifyDetail(ReportValues values, IkeNotifyDetail? detail) => detail switch
    {
        null => null,
        { Kind: IkeNotifyDetailKind.DpdSequence } d => "sequence " + d.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Kind: IkeNotifyDetailKind.AcceptedGroup } d => "accepted group " + DhGroups.Table.Name((int)d.Number),
        { Gateway: Core.NetAddress gateway } => "to " + values.Address(gateway),
        { } d => "to " + (d.GatewayName is null ? string.Empty : values.Host(d.GatewayName)),
    };

    /// <summary>The lost IKE fragments of this SA, as the Sessions stage tied them to it.</summary>
    private static List<ReportIncompleteDatagram> LostDatagrams(ReportValues values, IkeSa sa)
    {
        var list = new List<ReportIncompleteDatagram>(sa.LostDatagrams.Count);
        foreach (IkeLostDatagram lost in sa.LostDatagrams)
        {
            IncompleteIpDatagram datagram = lost.Datagram;

            var frames = new List<long>(datagram.Fragments.Count);
            foreach (FrameRef fragment in datagram.Fragments)
            {
                frames.Add(fragment.Frame);
            }

            long received = 0;
            foreach ((int start, int end) in datagram.ReceivedRanges)
            {
                received += Math.Max(0, end - start);
            }

            list.Add(new ReportIncompleteDatagram(values.Endpoint(datagram.Source), values.Endpoint(datagram.Destination), datagram.Protocol,
                datagram.Identification, frames, ReportNames.Time(datagram.Fragments[0].Time), received, datagram.TotalLength));
        }

        return list;
    }
}

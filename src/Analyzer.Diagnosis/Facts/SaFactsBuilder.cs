using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens one <see cref="IkeSa"/> into <see cref="SaFacts"/>: the interpretation rules share.</summary>
internal static class SaFactsBuilder
{
    public static SaFacts Build(IkeSa sa, CaptureContext context)
    {
        Phase1Course phase1 = Phase1Course.Of(sa);
        NatDetection nat = sa.Nat;
        bool natTExpected = nat.NatDetected && nat.InitiatorSupportsNatT && nat.ResponderSupportsNatT;
        Port4500Course port4500 = Port4500Course.Of(sa);
        PeerAuthentication authentication = PeerAuthentication.Of(sa, phase1, port4500.SilentAfter(natTExpected, nat.FloatedToPort4500));
        ChildSaCourse children = ChildSaCourse.Of(sa);
        (List<string> weakOffered, List<string> weakChosen, bool withoutConfidentiality) = WeakAlgorithmNames.Of(sa);
        // An IKE_AUTH that refused its child SA (TS_UNACCEPTABLE, INTERNAL_ADDRESS_FAILURE...) keeps the IKE SA but negotiated no child.
        bool v2ChildInAuth = sa.Version == 2 && phase1.Auth?.State == ExchangeState.Completed
            && !sa.Exchanges.Exists(e => e.Kind == IkeExchangeKind.IkeAuth && e.ChildSa?.RefusedBy is not null);
        List<IkeLostDatagram> incomplete = sa.LostDatagrams;
        List<IkeExchange> childOffers = sa.Exchanges.FindAll(e => e.ChildSa is { Offered.Count: > 0 } && e.Messages.Count > 0);

        List<EspFlow> flows = context.FlowsOf(sa).ToList();
        long fromInitiator = flows.Where(f => f.Source.Address == sa.Initiator.Address).Sum(f => f.Packets);
        long fromResponder = flows.Where(f => f.Source.Address == sa.Responder.Address).Sum(f => f.Packets);

        (int trailing, string trailingFrom, List<FrameRef> trailingFrames) = InformationalTail.Of(sa);
        (int pairSas, double pairSpan) = context.Index.EstablishedBetween(sa.Initiator.Address, sa.Responder.Address);
        PeerVendors vendors = PeerVendors.Of(sa);
        CertificateFacts certs = CertificateFacts.From(sa);
        (bool natLikely, string natEvidence) = NatEvidence.Of(sa, context);
        string cookie = Hex(sa.InitiatorCookie);
        bool established = phase1.Established;
        bool responderAnswered = sa.Messages.Exists(m => !m.FromInitiator);
        IkeNotifyObservation? rejecting = phase1.Rejecting;

        return new SaFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Version = sa.Version,
            Phase1 = IkeExchangeNames.Phase1(sa.Phase1),
            IsAggressive = sa.Phase1 == IkeExchangeKind.AggressiveMode,
            State = sa.State.ToString(),
            Established = established,
            Initiator = sa.Initiator.ToString(),
            Responder = sa.Responder.ToString(),
            InitiatorAddress = sa.Initiator.Address.ToString(),
            ResponderAddress = sa.Responder.Address.ToString(),
            InitiatorCookie = cookie,
            ResponderCookie = Hex(sa.ResponderCookie),
            DisplayFilter = sa.DisplayFilter,
            FirstMessageSends = phase1.FirstFrames.Count,
            ResponderAnswered = responderAnswered,
            Phase1HighestMessage = phase1.Highest,
            Phase1Outcome = phase1.Outcome,
            StalledAfterMessage = phase1.Stall.Number,
            StalledMessageSends = phase1.Stall.Sends,
            StalledMessageIpFragments = phase1.Stall.IpFragments,
            RejectingNotify = rejecting is null ? "" : NotifyTypes.Name(rejecting.Type, rejecting.V2),
            RejectingNotifyType = rejecting?.Type ?? 0,
            AnsweredByEncryptedInformational = phase1.AnsweredByInformational,
            AuthenticationRejected = authentication.Rejection.Length > 0,
            AuthenticationRejection = authentication.Rejection,
            ProposalRejected = !established && (rejecting?.Type == NotifyTypes.V1NoProposalChosen
                || sa.Notifies.Exists(n => !n.FromInitiator && n.Type == NotifyTypes.V1NoProposalChosen)),
            AuthenticationMethod = sa.AuthenticationMethod?.Name ?? "",
            UsesPreSharedKey = authentication.PreSharedKey,
            UsesCertificates = authentication.Certificates,
            AuthenticationVerdict = authentication.Verdict,
            Offered = string.Join("; ", sa.Proposals.Select(ProposalText.Summary)),
            Chosen = sa.Chosen is null ? "" : ProposalText.Summary(sa.Chosen),
            ChildOffered = childOffers.Count == 0 ? "" : string.Join("; ", childOffers.SelectMany(e => e.ChildSa!.Offered).Select(ProposalText.Summary).Distinct()),
            WeakOffered = weakOffered,
            WeakChosen = weakChosen,
            HasWeakOffered = weakOffered.Count > 0,
            HasWeakChosen = weakChosen.Count > 0,
            ChildWithoutConfidentiality = withoutConfidentiality,
            NatDetected = nat.NatDetected,
            InitiatorBehindNat = nat.InitiatorBehindNat == true,
            ResponderBehindNat = nat.ResponderBehindNat == true,
            NatSide = (nat.InitiatorBehindNat == true, nat.ResponderBehindNat == true) switch
            {
                (true, true) => "both",
                (true, false) => "initiator",
                (false, true) => "responder",
                _ => "none",
            },
            NatLikely = natLikely,
            NatEvidence = natEvidence,
            InitiatorSupportsNatT = nat.InitiatorSupportsNatT,
            ResponderSupportsNatT = nat.ResponderSupportsNatT,
            NatTVersion = nat.NatTVersion ?? "",
            FloatedTo4500 = nat.FloatedToPort4500 || port4500.InitiatorSent > 0,
            NatTExpected = natTExpected,
            InitiatorSent4500 = port4500.InitiatorSent,
            ResponderAnswered4500 = port4500.ResponderAnswered,
            AnsweredAfterFloat = port4500.AnsweredAfterFloat,
            Vendors = vendors.Names,
            WindowsPeer = vendors.Windows,
            WindowsVersion = vendors.WindowsVersion,
            Identities = sa.Identities.Count == 0 ? Array.Empty<string>() : sa.Identities.Select(i => IdentificationTypes.Name(i.IdType, i.V2) + " " + i.Value).Distinct().ToList(),
            CertificateCount = sa.Certificates.Count,
            CertificatesOutsideValidity = certs.OutsideValidity,
            HasCertificateOutsideValidity = certs.OutsideValidity.Count > 0,
            RequestedCas = certs.Requested,
            PresentedIssuers = certs.Issuers,
            NoCommonCa = certs.Mismatch.Length > 0,
            CaMismatch = certs.Mismatch,
            Ikev2 = Ikev2FactsBuilder.Build(sa),
            IpFragmentedMessages = sa.Messages.Count(m => m.IpFragments > 1),
            IncompleteDatagrams = incomplete.Count,
            IkeFragmentation = sa.Messages.Exists(m => m.Fragment is not null),
            LargestAnsweredLength = InformationalTail.LargestAnswered(sa),
            QuickModeAttempts = children.Exchanges.Count,
            QuickModesCompleted = children.Completed,
            ChildSasNegotiated = children.Completed + (v2ChildInAuth ? 1 : 0),
            QuickModeRejectNotify = children.Exchanges.Select(e => e.RejectingNotify).FirstOrDefault(n => n is not null) is { } childRejecting ? NotifyTypes.Name(childRejecting.Type, childRejecting.V2) : "",
            QuickModeDecrypted = children.Exchanges.Exists(e => e.ChildSa is not null || e.Messages.Exists(m => m.Decrypted)),
            EncapsulationModes = children.ModeNames,
            TrafficSelectors = children.Selectors,
            TunnelModeProposed = children.TunnelModeProposed,
            SelectorsOtherThanL2tp = children.SelectorsOtherThanL2tp,
            SecondsAfterQuickMode = children.FirstCompleted is { Messages.Count: > 0 } done
                ? context.End.SecondsSince(done.Messages[^1].Frame.Time) : -1,
            EspFromInitiator = fromInitiator,
            EspFromResponder = fromResponder,
            EspFlowCount = flows.Count,
            EspAfterDelete = flows.Sum(f => f.PacketsAfterDelete),
            DeleteCount = sa.Deletes.Count,
            Deleted = sa.State == IkeSaState.Deleted,
            DpdRequests = sa.Notifies.Count(n => n.Type == NotifyTypes.V1DpdRuThere),
            DpdAcks = sa.Notifies.Count(n => n.Type == NotifyTypes.V1DpdRuThereAck),
            TrailingUnansweredInformationals = trailing,
            TrailingInformationalsFrom = trailingFrom,
            PeerPairEstablishedSas = pairSas,
            PeerPairSpanSeconds = pairSpan,
            DurationSeconds = sa.LastFrame.Time.SecondsSince(sa.FirstFrame.Time),
            SecondsAfterLastMessage = context.End.SecondsSince(sa.LastFrame.Time),
            Anomalies = sa.Anomalies.Count == 0 ? Array.Empty<string>() : sa.Anomalies.Select(a => a.Kind.ToString()).Distinct().ToList(),
            MalformedMessages = sa.Anomalies.Count(a => a.ShowsDamage),
            DecryptionFailed = sa.Anomalies.Exists(a => a.Kind == IkeAnomalyKind.DecryptionFailed),
            PathLoss = context.PathLoss("udp500", "udp4500", "ip-fragments", "esp"),
            EspPathLoss = context.PathLoss("esp"),
            FirstMessageFrames = phase1.FirstFrames,
            ChildOfferFrames = childOffers.ConvertAll(e => e.Messages[0].Frame),
            StalledFrames = phase1.Stall.Frames,
            RejectFrames = phase1.RejectFrames(sa),
            Port4500Frames = port4500.Frames,
            CertificateFrames = FramesOf(sa.Certificates, c => c.Frame),
            CertificateRequestFrames = FramesOf(sa.CertificateRequests, c => c.Frame),
            FragmentFrames = FragmentFrames(sa, incomplete),
            QuickModeFrames = MessageFrames(children.Exchanges),
            DeleteFrames = FramesOf(sa.Deletes, d => d.Frame),
            InformationalFrames = trailingFrames,
            EspFrames = FramesOf(flows, f => f.First),
            Phase1Frames = FramesOf(phase1.Messages, m => m.Frame),
            FirstFrame = sa.FirstFrame,
            LastFrame = sa.LastFrame,
        };
    }

    internal static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);

    // The frame lists below are built without LINQ iterators and shared empty for the (usual) empty
    // case: one SA row has a dozen of them and a large capture thousands of SAs, where each iterator
    // and empty list was fresh memory the facts stage paid for.

    private static IReadOnlyList<FrameRef> FramesOf<T>(List<T> items, Func<T, FrameRef> frame)
    {
        if (items.Count == 0)
        {
            return Array.Empty<FrameRef>();
        }

        var frames = new List<FrameRef>(items.Count);
        foreach (T item in items)
        {
            frames.Add(frame(item));
        }

        return frames;
    }

    private static IReadOnlyList<FrameRef> FragmentFrames(IkeSa sa, List<IkeLostDatagram> incomplete)
    {
        List<FrameRef>? frames = null;
        foreach (IkeMessage message in sa.Messages)
        {
            if (message.IpFragments > 1)
            {
                (frames ??= []).Add(message.Frame);
            }
        }

        foreach (IkeLostDatagram lost in incomplete)
        {
            (frames ??= []).AddRange(lost.Datagram.Fragments);
        }

        if (frames is null)
        {
            return Array.Empty<FrameRef>();
        }

        return frames;
    }

    private static IReadOnlyList<FrameRef> MessageFrames(List<IkeExchange> exchanges)
    {
        int count = 0;
        foreach (IkeExchange exchange in exchanges)
        {
            count += exchange.Messages.Count;
        }

        if (count == 0)
        {
            return Array.Empty<FrameRef>();
        }

        var frames = new List<FrameRef>(count);
        foreach (IkeExchange exchange in exchanges)
        {
            foreach (IkeMessage message in exchange.Messages)
            {
                frames.Add(message.Frame);
            }
        }

        return frames;
    }
}

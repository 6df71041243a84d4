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
        IkeExchange? phase1 = FindPhase1(sa);
        IkeExchange? auth = sa.Version == 2 ? sa.Exchanges.Find(e => e.Kind == IkeExchangeKind.IkeAuth) : null;
        List<IkeMessage> phase1Messages = Phase1Messages(sa, phase1, auth);
        bool established = sa.State is IkeSaState.Established or IkeSaState.Deleted;
        bool responderAnswered = sa.Messages.Exists(m => !m.FromInitiator);

        List<FrameRef> firstFrames = [];
        foreach (IkeMessage message in phase1Messages)
        {
            if (!message.FromInitiator)
            {
                break;
            }

            firstFrames.Add(message.Frame);
        }

        Stall stall = FindStall(sa, phase1, auth, phase1Messages, established);
        int highest = HighestPhase1Message(sa, phase1, auth);
        IkeNotifyObservation? rejecting = phase1?.RejectingNotify ?? auth?.RejectingNotify ?? (established ? null : FirstErrorNotify(sa));
        bool answeredByInformational = phase1?.State == ExchangeState.AnsweredByEncryptedInformational
            || auth?.State == ExchangeState.AnsweredByEncryptedInformational
            || (!established && EncryptedInformationalFromResponder(sa, phase1Messages));

        string method = sa.AuthenticationMethod ?? sa.Chosen?.Authentication ?? (sa.Proposals.Count > 0 ? sa.Proposals[0].Authentication : null) ?? "";
        bool psk = method.Contains("Pre-Shared", StringComparison.OrdinalIgnoreCase)
            || method.Contains("PSK", StringComparison.OrdinalIgnoreCase)
            || method.Contains("PreShared", StringComparison.OrdinalIgnoreCase);
        bool certificates = !psk && (method.Contains("RSA", StringComparison.OrdinalIgnoreCase)
            || method.Contains("DSS", StringComparison.OrdinalIgnoreCase)
            || method.Contains("ECDSA", StringComparison.OrdinalIgnoreCase)
            || method.Contains("Signature", StringComparison.OrdinalIgnoreCase)
            || method.Contains("Certificate", StringComparison.OrdinalIgnoreCase)
            || (method.Length == 0 && (sa.Certificates.Count > 0 || sa.CertificateRequests.Count > 0)));

        int initiatorSent4500 = sa.Messages.Count(m => m.FromInitiator && (m.NatTraversal || m.To.Port == VpnPorts.NatTraversal));
        bool responderAnswered4500 = sa.Messages.Exists(m => !m.FromInitiator && (m.NatTraversal || m.From.Port == VpnPorts.NatTraversal));
        IkeMessage? firstFloat = sa.Messages.Find(m => m.FromInitiator && (m.NatTraversal || m.To.Port == VpnPorts.NatTraversal));
        bool answeredAfterFloat = firstFloat is not null && sa.Messages.Exists(m => !m.FromInitiator && m.Frame.Frame > firstFloat.Frame.Frame);
        NatDetection nat = sa.Nat;
        bool natTExpected = nat.NatDetected && nat.InitiatorSupportsNatT && nat.ResponderSupportsNatT;

        List<IkeLostDatagram> incomplete = sa.LostDatagrams;
        int fragmentedMessages = sa.Messages.Count(m => m.IpFragments > 1);

        string authRejection = AuthenticationRejection(sa, rejecting, answeredByInformational, stall, highest,
            (natTExpected || nat.FloatedToPort4500) && (firstFloat is null || !answeredAfterFloat), incomplete.Count);

        List<string> weakOffered = [];
        List<string> weakChosen = [];
        foreach (IkeProposal proposal in sa.Proposals)
        {
            CollectWeak(proposal, weakOffered);
        }

        if (sa.Chosen is not null)
        {
            CollectWeak(sa.Chosen, weakChosen);
        }

        var quickModes = sa.Exchanges.Where(e => e.Kind is IkeExchangeKind.QuickMode or IkeExchangeKind.CreateChildSa).ToList();
        foreach (IkeExchange exchange in quickModes)
        {
            if (exchange.ChildSa is { } child)
            {
                child.Offered.ForEach(p => CollectWeak(p, weakOffered));
                if (child.Chosen is not null)
                {
                    CollectWeak(child.Chosen, weakChosen);
                }
            }
        }

        IkeExchange? firstCompletedQuickMode = quickModes.Find(e => e.State == ExchangeState.Completed);
        int quickModesCompleted = quickModes.Count(e => e.State == ExchangeState.Completed);
        bool v2ChildInAuth = sa.Version == 2 && auth?.State == ExchangeState.Completed
            && !sa.Exchanges.Exists(e => e.Kind == IkeExchangeKind.IkeAuth && e.ChildSa?.RefusedBy is not null);
        List<string> modes = EncapsulationModes(quickModes);
        List<string> selectors = [];
        bool otherThanL2tp = false;
        foreach (IkeExchange exchange in quickModes)
        {
            foreach (IkeIdentity id in exchange.ChildSa?.TrafficSelectors ?? [])
            {
                selectors.Add(string.Create(CultureInfo.InvariantCulture, $"{id.Value} proto {id.Protocol} port {id.Port}"));
                otherThanL2tp |= id.Protocol != 17 || id.Port != VpnPorts.L2tp;
            }
        }

        List<EspFlow> flows = context.FlowsOf(sa).ToList();
        long fromInitiator = flows.Where(f => f.Source.Address == sa.Initiator.Address).Sum(f => f.Packets);
        long fromResponder = flows.Where(f => f.Source.Address == sa.Responder.Address).Sum(f => f.Packets);

        (int trailing, string trailingFrom, List<FrameRef> trailingFrames) = TrailingInformationals(sa);
        (int pairSas, double pairSpan) = context.Index.EstablishedBetween(sa.Initiator.Address, sa.Responder.Address);
        List<string> vendors = sa.VendorIds.Select(v => v.Name ?? v.PrintableText ?? v.Hex).Distinct().ToList();
        string windowsVersion = sa.VendorIds.Select(v => v.Name).FirstOrDefault(n => n is not null && n.Contains("Windows", StringComparison.OrdinalIgnoreCase)) ?? "";
        bool windows = windowsVersion.Length > 0 || sa.VendorIds.Exists(v => v.Name is not null
            && (v.Name.Contains("Microsoft", StringComparison.OrdinalIgnoreCase) || v.Name.Contains("MS NT5", StringComparison.OrdinalIgnoreCase)
                || v.Name.Contains("MS-Negotiation", StringComparison.OrdinalIgnoreCase)));

        CertificateFacts certs = CertificateFacts.From(sa);
        (bool natLikely, string natEvidence) = NatEvidence(sa, context);
        string cookie = Hex(sa.InitiatorCookie);

        return new SaFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Version = sa.Version,
            Phase1 = sa.Phase1.ToString(),
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
            FirstMessageSends = firstFrames.Count,
            ResponderAnswered = responderAnswered,
            Phase1HighestMessage = highest,
            Phase1Outcome = (auth is not null && phase1?.State == ExchangeState.Completed ? auth.State : phase1?.State ?? ExchangeState.InProgress).ToString(),
            StalledAfterMessage = stall.Number,
            StalledMessageSends = stall.Sends,
            StalledMessageIpFragments = stall.IpFragments,
            RejectingNotify = rejecting?.Name ?? "",
            RejectingNotifyType = rejecting?.Type ?? 0,
            AnsweredByEncryptedInformational = answeredByInformational,
            AuthenticationRejected = authRejection.Length > 0,
            AuthenticationRejection = authRejection,
            ProposalRejected = !established && (rejecting?.Type == NotifyTypes.V1NoProposalChosen
                || sa.Notifies.Exists(n => !n.FromInitiator && n.Type == NotifyTypes.V1NoProposalChosen)),
            AuthenticationMethod = method,
            UsesPreSharedKey = psk,
            UsesCertificates = certificates,
            AuthenticationVerdict = sa.V2.Eap.Exists(e => !e.FromInitiator && e.IsFailure) ? "the server refused the user's EAP credentials (user name or password)"
                : psk ? "the pre-shared keys of the two peers most likely differ"
                : certificates ? "the peer did not accept the certificate presented (untrusted CA, expired, wrong identity or key usage)"
                : "the peers could not authenticate each other",
            Offered = string.Join("; ", sa.Proposals.Select(p => p.Summary)),
            Chosen = sa.Chosen?.Summary ?? "",
            WeakOffered = weakOffered,
            WeakChosen = weakChosen,
            HasWeakOffered = weakOffered.Count > 0,
            HasWeakChosen = weakChosen.Count > 0,
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
            FloatedTo4500 = nat.FloatedToPort4500 || initiatorSent4500 > 0,
            NatTExpected = natTExpected,
            InitiatorSent4500 = initiatorSent4500,
            ResponderAnswered4500 = responderAnswered4500,
            AnsweredAfterFloat = answeredAfterFloat,
            Vendors = vendors,
            WindowsPeer = windows,
            WindowsVersion = windowsVersion,
            Identities = sa.Identities.Select(i => i.Type + " " + i.Value).Distinct().ToList(),
            CertificateCount = sa.Certificates.Count,
            CertificatesOutsideValidity = certs.OutsideValidity,
            HasCertificateOutsideValidity = certs.OutsideValidity.Count > 0,
            RequestedCas = certs.Requested,
            PresentedIssuers = certs.Issuers,
            NoCommonCa = certs.Mismatch.Length > 0,
            CaMismatch = certs.Mismatch,
            Ikev2 = Ikev2FactsBuilder.Build(sa),
            IpFragmentedMessages = fragmentedMessages,
            IncompleteDatagrams = incomplete.Count,
            IkeFragmentation = sa.Messages.Exists(m => m.Fragment is not null),
            LargestAnsweredLength = LargestAnswered(sa),
            QuickModeAttempts = quickModes.Count,
            QuickModesCompleted = quickModesCompleted,
            ChildSasNegotiated = quickModesCompleted + (v2ChildInAuth ? 1 : 0),
            QuickModeRejectNotify = quickModes.Select(e => e.RejectingNotify?.Name).FirstOrDefault(n => n is not null) ?? "",
            QuickModeDecrypted = quickModes.Exists(e => e.ChildSa is not null || e.Messages.Exists(m => m.Decrypted)),
            EncapsulationModes = modes,
            TrafficSelectors = selectors,
            TunnelModeProposed = modes.Exists(m => m.Contains("Tunnel", StringComparison.OrdinalIgnoreCase)),
            SelectorsOtherThanL2tp = otherThanL2tp,
            SecondsAfterQuickMode = firstCompletedQuickMode is { Messages.Count: > 0 } done
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
            Anomalies = sa.Anomalies.Select(a => a.Kind.ToString()).Distinct().ToList(),
            MalformedMessages = sa.Anomalies.Count(a => a.Kind is IkeAnomalyKind.MalformedPayload or IkeAnomalyKind.TruncatedMessage or IkeAnomalyKind.PayloadExtraData),
            DecryptionFailed = sa.Anomalies.Exists(a => a.Kind == IkeAnomalyKind.DecryptionFailed),
            PathLoss = context.PathLoss("udp500", "udp4500", "ip-fragments", "esp"),
            EspPathLoss = context.PathLoss("esp"),
            FirstMessageFrames = firstFrames,
            StalledFrames = stall.Frames,
            RejectFrames = RejectFrames(sa, rejecting, phase1Messages, answeredByInformational),
            Port4500Frames = sa.Messages.Where(m => m.NatTraversal || m.To.Port == VpnPorts.NatTraversal || m.From.Port == VpnPorts.NatTraversal).Select(m => m.Frame).ToList(),
            CertificateFrames = sa.Certificates.Select(c => c.Frame).ToList(),
            CertificateRequestFrames = sa.CertificateRequests.Select(c => c.Frame).ToList(),
            FragmentFrames = sa.Messages.Where(m => m.IpFragments > 1).Select(m => m.Frame).Concat(incomplete.SelectMany(d => d.Datagram.Fragments)).ToList(),
            QuickModeFrames = quickModes.SelectMany(e => e.Messages).Select(m => m.Frame).ToList(),
            DeleteFrames = sa.Deletes.Select(d => d.Frame).ToList(),
            InformationalFrames = trailingFrames,
            EspFrames = flows.Select(f => f.First).ToList(),
            Phase1Frames = phase1Messages.Select(m => m.Frame).ToList(),
            FirstFrame = sa.FirstFrame,
            LastFrame = sa.LastFrame,
        };
    }

    internal static string Hex(ulong value) => value.ToString("x16", CultureInfo.InvariantCulture);

    private static IkeExchange? FindPhase1(IkeSa sa) =>
        sa.Exchanges.Find(e => e.Kind == sa.Phase1)
        ?? sa.Exchanges.Find(e => e.Kind is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode or IkeExchangeKind.IkeSaInit);

    private static List<IkeMessage> Phase1Messages(IkeSa sa, IkeExchange? phase1, IkeExchange? auth)
    {
        if (phase1 is null)
        {
            return sa.Messages.Where(m => m.Exchange is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode or IkeExchangeKind.IkeSaInit).ToList();
        }

        var messages = new List<IkeMessage>(phase1.Messages);
        if (auth is not null)
        {
            messages.AddRange(auth.Messages);
        }

        return messages;
    }

    private static int HighestPhase1Message(IkeSa sa, IkeExchange? phase1, IkeExchange? auth)
    {
        int highest = phase1?.HighestMessage ?? 0;
        if (highest == 0 && phase1 is not null)
        {
            highest = phase1.Messages.Count == 0 ? 0 : phase1.Messages.Max(m => m.Number);
        }

        if (sa.Version == 2 && auth is { Messages.Count: > 0 })
        {
            highest = 2 + Math.Max(1, auth.HighestMessage);
        }

        return highest;
    }

    private readonly record struct Stall(int Number, int Sends, int IpFragments, List<FrameRef> Frames);

    // The model's StalledAfterMessage where set; otherwise the last Phase 1 message when the SA never
    // completed and nothing came back after it.
    private static Stall FindStall(IkeSa sa, IkeExchange? phase1, IkeExchange? auth, List<IkeMessage> messages, bool established)
    {
        if (established || messages.Count == 0)
        {
            return new Stall(0, 0, 0, []);
        }

        int? number = auth?.StalledAfterMessage is int a ? a + 2 : phase1?.StalledAfterMessage;
        IkeMessage last = messages[^1];
        bool lastFromInitiator = last.FromInitiator;
        if (number is null)
        {
            bool answeredLater = sa.Messages.Exists(m => m.Frame.Frame > last.Frame.Frame && m.FromInitiator != lastFromInitiator);
            if (answeredLater)
            {
                return new Stall(0, 0, 0, []);
            }

            number = last.Number;
        }

        // The copies of the stalled message come from the side that sent it: the last message may be the
        // other side's repeat of its previous one (Libreswan's pluto repeats Main Mode 4 when it cannot read 5).
        bool stalledFromInitiator = messages.Find(m => m.Number == number)?.FromInitiator ?? lastFromInitiator;
        List<IkeMessage> copies = messages.Where(m => m.Number == number && m.FromInitiator == stalledFromInitiator).ToList();
        if (copies.Count == 0)
        {
            copies = [last];
        }

        return new Stall(number.Value, copies.Count, copies.Max(m => m.IpFragments), copies.Select(m => m.Frame).ToList());
    }

    private static IkeNotifyObservation? FirstErrorNotify(IkeSa sa) =>
        sa.Notifies.Find(n => n.IsError && !n.FromInitiator) ?? sa.Notifies.Find(n => n.IsError);

    private static bool EncryptedInformationalFromResponder(IkeSa sa, List<IkeMessage> phase1Messages)
    {
        if (phase1Messages.Count == 0)
        {
            return false;
        }

        long after = phase1Messages[^1].Frame.Frame;
        return sa.Messages.Exists(m => !m.FromInitiator && m.Encrypted && m.Frame.Frame > after
            && m.Exchange is IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2);
    }

    private static string AuthenticationRejection(IkeSa sa, IkeNotifyObservation? rejecting, bool answeredByInformational,
        Stall stall, int highest, bool silentFloat, int incompleteDatagrams)
    {
        bool mainMode = sa.Phase1 == IkeExchangeKind.MainMode;
        int authMessage = sa.Version == 2 ? 3 : mainMode ? 5 : 1;
        if (rejecting is not null && NotifyTypes.IsAuthenticationFailure(sa.Version, rejecting.Type, highest >= authMessage))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the peer answered with {rejecting.Name} after message {highest}");
        }

        if (answeredByInformational && highest >= authMessage)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the responder answered message {highest} with an encrypted Informational instead of message {highest + 1}");
        }

        if (mainMode && stall.Number == 5 && stall.Sends >= 2 && stall.IpFragments <= 1 && incompleteDatagrams == 0 && !silentFloat)
        {
            return string.Create(CultureInfo.InvariantCulture, $"message 5 was sent {stall.Sends} times and never answered although messages 1-4 passed");
        }

        return "";
    }

    private static List<FrameRef> RejectFrames(IkeSa sa, IkeNotifyObservation? rejecting, List<IkeMessage> phase1Messages, bool answeredByInformational)
    {
        List<FrameRef> frames = [];
        if (rejecting is not null)
        {
            frames.Add(rejecting.Frame);
        }

        if (answeredByInformational && phase1Messages.Count > 0)
        {
            long after = phase1Messages[^1].Frame.Frame;
            frames.AddRange(sa.Messages.Where(m => !m.FromInitiator && m.Encrypted && m.Frame.Frame > after
                && m.Exchange is IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2).Select(m => m.Frame));
        }

        return frames;
    }

    private static List<string> EncapsulationModes(List<IkeExchange> quickModes)
    {
        List<string> modes = [];
        foreach (IkeExchange exchange in quickModes)
        {
            if (exchange.ChildSa is not { } child)
            {
                continue;
            }

            IEnumerable<string?> candidates = child.Offered.Select(p => p.EncapsulationMode)
                .Append(child.Chosen?.EncapsulationMode).Append(child.EncapsulationMode);
            foreach (string? mode in candidates)
            {
                if (mode is not null && !modes.Contains(mode))
                {
                    modes.Add(mode);
                }
            }
        }

        return modes;
    }

    /// <summary>The names of the proposal's algorithms the registry's RFC 8247 table calls weak.</summary>
    private static void CollectWeak(IkeProposal proposal, List<string> into)
    {
        foreach (var weak in proposal.WeakAlgorithms)
        {
            string name = proposal.NameOf(weak);
            if (!into.Contains(name))
            {
                into.Add(name);
            }
        }
    }

    private static int LargestAnswered(IkeSa sa)
    {
        int largest = 0;
        for (int i = 0; i < sa.Messages.Count; i++)
        {
            IkeMessage message = sa.Messages[i];
            bool answered = false;
            for (int j = i + 1; j < sa.Messages.Count && !answered; j++)
            {
                answered = sa.Messages[j].FromInitiator != message.FromInitiator;
            }

            if (answered)
            {
                largest = Math.Max(largest, message.Length);
            }
        }

        return largest;
    }

    private static (int Count, string From, List<FrameRef> Frames) TrailingInformationals(IkeSa sa)
    {
        List<FrameRef> frames = [];
        bool? side = null;
        for (int i = sa.Messages.Count - 1; i >= 0; i--)
        {
            IkeMessage message = sa.Messages[i];
            if (message.Exchange is not (IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2))
            {
                break;
            }

            side ??= message.FromInitiator;
            if (message.FromInitiator != side)
            {
                break;
            }

            frames.Insert(0, message.Frame);
        }

        string from = side is null ? "" : side.Value ? "initiator" : "responder";
        return (frames.Count, from, frames);
    }

    private static (bool Likely, string Evidence) NatEvidence(IkeSa sa, CaptureContext context)
    {
        if (sa.Nat.NatDetected)
        {
            string side = sa.Nat.InitiatorBehindNat == true ? "the initiator" : "the responder";
            return (true, "NAT-D hashes show " + side + " behind a NAT");
        }

        foreach (var path in context.Paths)
        {
            foreach (var translation in path.Translations)
            {
                if (translation.Outside.Address == sa.Initiator.Address || translation.Inside.Address == sa.Initiator.Address
                    || translation.Outside.Address == sa.Responder.Address || translation.Inside.Address == sa.Responder.Address)
                {
                    return (true, $"the captures show {translation.Inside} translated to {translation.Outside}");
                }
            }
        }

        bool initiatorPrivate = sa.Initiator.Address.IsPrivate;
        bool responderPrivate = sa.Responder.Address.IsPrivate;
        if (initiatorPrivate != responderPrivate)
        {
            string inside = initiatorPrivate ? sa.Initiator.Address.ToString() : sa.Responder.Address.ToString();
            return (true, $"{inside} is a private address talking to a public one, so a NAT must sit between them");
        }

        return (false, "");
    }
}

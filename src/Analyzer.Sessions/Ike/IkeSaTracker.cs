using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using Analyzer.Core;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Keys;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// Rebuilds IKE SAs from one capture: feed it every IKE datagram (UDP 500, and 4500 after the
/// non-ESP marker) in frame order with <see cref="Observe"/>, IP datagrams that never completed
/// with <see cref="ObserveIncomplete"/>, then call <see cref="Complete"/> once.
/// </summary>
public sealed class IkeSaTracker
{
    private const string Identity = "an IKE identity";
    private readonly AnalysisInput _input;
    private readonly AnalysisLimits _limits;
    private readonly IkeKeyTable? _keys;
    private readonly KeyStore? _keyStore;
    private readonly HashSet<SaBuilder> _v2NoKey = [];
    private readonly Dictionary<(SaBuilder, uint, bool, bool), SortedDictionary<int, (byte[] Plain, PayloadType First)>> _v2Fragments = [];
    private readonly Dictionary<(int Version, ulong Cookie), SaBuilder> _byCookie = [];
    private readonly List<SaBuilder> _order = [];
    private readonly List<IkeSa> _sas = [];
    private readonly List<InputDiagnostic> _diagnostics = [];
    private readonly IkeFragmentBudget _fragmentBudget;
    private readonly LimitNotices _notices;
    private bool _limitReported;
    private bool _fragmentLimitReported;
    private Timestamp _lastTime;

    public IkeSaTracker(AnalysisInput input, AnalysisLimits limits, IkeKeyTable? keys)
        : this(input, limits, keys is null ? null : Store(keys), new LimitNotices(input, limits))
    {
    }

    /// <param name="notices">The capture's once-only warnings, shared with the other trackers.</param>
    internal IkeSaTracker(AnalysisInput input, AnalysisLimits limits, KeyStore? keys, LimitNotices notices)
    {
        _input = input;
        _limits = limits;
        _keys = keys?.Ikev1;
        _keyStore = keys;
        _notices = notices;
        _fragmentBudget = new IkeFragmentBudget(limits.MaxReassemblyBytes);
    }

    public void Observe(in VpnDatagram datagram)
    {
        if (datagram.Frame.Time > _lastTime)
        {
            _lastTime = datagram.Frame.Time;
        }

        ReadOnlySpan<byte> bytes = datagram.Payload;
        if (!IsakmpReader.TryReadHeader(bytes, out IsakmpHeader header, out ParseError error))
        {
            Report(datagram.Frame, "IKE header unreadable: " + error);
            return;
        }

        if (header.MajorVersion is not (1 or 2))
        {
            Report(datagram.Frame, string.Create(CultureInfo.InvariantCulture, $"ISAKMP version {header.MajorVersion}.{header.MinorVersion} is neither IKEv1 nor IKEv2; message skipped"));
            return;
        }

        bool v2 = header.IsV2;
        SaBuilder? builder = FindOrCreate(header, datagram);
        if (builder is null)
        {
            return;
        }

        IkeSa sa = builder.Sa;
        if (header.ResponderCookie != 0 && sa.ResponderCookie == 0)
        {
            sa.ResponderCookie = header.ResponderCookie;
        }

        bool fromInitiator = v2 ? header.V2Initiator : builder.IsFromInitiator(datagram.Source);
        int end = (int)Math.Min(header.Length, (uint)bytes.Length);
        ReadOnlySpan<byte> message = bytes[..end];
        ulong contentHash = XxHash64.HashToUInt64(message);
        bool retransmission = builder.TryGetRetransmission(contentHash, fromInitiator, out int earlierNumber);

        IkeExchangeKind kind = ExchangeKinds.From(header.Exchange, v2);
        // A length field beyond what was sent is bogus: nothing after the header can be trusted (tshark reads no payloads either).
        bool bogusLength = header.Length > (uint)Math.Max(datagram.WireLength, bytes.Length);
        IsakmpReader reader = IsakmpReader.ForMessage(bogusLength ? bytes[..IsakmpReader.HeaderLength] : bytes, header);
        IsakmpContent content = IsakmpContentReader.Read(ref reader, v2, _limits.MaxStringLength);
        NoteLimits(content, datagram.Frame);
        IkeExchange exchange = ExchangeOf(builder, header, kind, fromInitiator, retransmission);

        // Decrypt before numbering: a Main Mode message's number shows in its payloads.
        // Retransmitted ciphertext decrypts from the context's memory of its first copy, without moving the IV chain.
        IsakmpContent? inner = null;
        if (header.IsEncrypted && !bogusLength)
        {
            inner = TryDecrypt(builder, header, message, kind, datagram.Frame, reportFailure: !retransmission);
        }
        else if (v2 && !bogusLength && _keyStore is not null
            && (content.Has(PayloadType.V2Encrypted) || content.Has(PayloadType.V2EncryptedFragment)))
        {
            inner = TryDecryptV2(builder, header, message, datagram.Frame);
        }

        bool natT = datagram.Kind == TrafficKind.IkeNatT;
        var ikeMessage = new IkeMessage
        {
            Frame = datagram.Frame,
            From = datagram.Source,
            To = datagram.Destination,
            FromInitiator = fromInitiator,
            Exchange = kind,
            ExchangeType = (byte)header.Exchange,
            MessageId = header.MessageId,
            Payloads = (inner ?? content).Types,
            Encrypted = header.IsEncrypted || (v2 && content.Has(PayloadType.V2Encrypted)),
            Decrypted = inner is not null,
            Retransmission = retransmission,
            IpFragments = datagram.FragmentCount,
            Length = (int)Math.Min(header.Length, int.MaxValue),
            ContentHash = contentHash,
            NatTraversal = natT,
            Fragment = content.Fragment is { } f ? new IkeFragmentInfo(f.Number, f.Last) : null,
        };

        ikeMessage.Number = retransmission ? earlierNumber : NumberOf(builder, exchange, ikeMessage, header, inner ?? content, v2);
        if (!retransmission)
        {
            builder.Remember(contentHash, fromInitiator, ikeMessage.Number);
        }
        else if (exchange.Messages.Count > 0 && ikeMessage.Number >= exchange.HighestMessage)
        {
            exchange.LastMessageRepeated = true;
        }

        if (header.Flags.HasFlag(IsakmpFlags.Commit) && !v2 && kind == IkeExchangeKind.QuickMode)
        {
            exchange.Commit = true;
        }

        int perSa = _limits.MaxIkeMessagesPerSa;
        HeadAndTail.Append(exchange.Messages, ikeMessage, perSa);
        exchange.HighestMessage = Math.Max(exchange.HighestMessage, ikeMessage.Number);
        if (HeadAndTail.Append(sa.Messages, ikeMessage, perSa))
        {
            sa.MessagesNotListed++;
            _notices.Reached("ike-messages-per-sa", datagram.Frame, perSa, static limit => string.Create(CultureInfo.InvariantCulture,
                $"an IKE SA has more than {limit} messages; its first and latest {limit / 2} are listed, those between are only counted (other SAs past this limit are not reported)"));
        }
        if (ExchangeKinds.IsPhase1(kind) || kind == IkeExchangeKind.IkeSaInit)
        {
            sa.Phase1 = sa.Phase1 == IkeExchangeKind.Unknown ? kind : sa.Phase1;
        }

        if (natT || VpnPorts.IsNatTraversal(datagram.Source.Port, datagram.Destination.Port))
        {
            sa.Nat.FloatedToPort4500 = true;
            sa.Nat.FirstNatTFrame ??= datagram.Frame.Frame;
        }

        RecordAnomalies(builder, datagram, header, content, bytes.Length);
        if (!retransmission)
        {
            ContentRecorder.Record(builder, ikeMessage, exchange, inner ?? content, header, v2, inner is not null);
            RecordFragment(builder, exchange, ikeMessage, header, content, v2);
            if (!v2 && ExchangeKinds.IsPhase1(kind))
            {
                builder.TryStartDecryption(_keys, builder.ChosenTransform, datagram.Frame);
            }
        }
    }

    public void ObserveIncomplete(IncompleteIpDatagram datagram)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        LostDatagramMatcher.Attach(datagram, _sas, cookie => _byCookie.GetValueOrDefault((1, cookie))?.Sa ?? _byCookie.GetValueOrDefault((2, cookie))?.Sa);
    }

    public void Complete(CaptureModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var attempts = new LatestAttempts(_order.Select(b => b.Sa));
        foreach (SaBuilder builder in _order)
        {
            IkeSa sa = builder.Sa;
            HashAlgorithmName? natHash = sa.Version == 2
                ? HashAlgorithmName.SHA1
                : NatDiscoveryHash.FromIkev1(builder.ChosenTransform?.Attribute(Ikev1AttributeNames.Phase1Hash));
            NatDetectionEvaluator.Evaluate(sa.Nat, builder.NatSamples, natHash);
            foreach (IkeFragmentedMessage set in sa.FragmentedMessages)
            {
                if (!set.Complete)
                {
                    builder.Note(new IkeAnomaly(IkeAnomalyKind.TruncatedMessage, set.Frames[0], string.Create(CultureInfo.InvariantCulture,
                        $"IKE fragments {string.Join(',', set.Received)} of {(set.Total is int t ? t.ToString(CultureInfo.InvariantCulture) : "?")} arrived; the message never completed")));
                }
            }

            Timestamp captureEnd = model.Statistics.LastTime is Timestamp last && last > _lastTime ? last : _lastTime;
            ExchangeStateResolver.Resolve(sa, captureEnd, attempts);
            model.IkeSas.Add(sa);
        }

        model.Diagnostics.AddRange(_diagnostics);
        _notices.MoveTo(model.Diagnostics);
    }

    private SaBuilder? FindOrCreate(in IsakmpHeader header, in VpnDatagram datagram)
    {
        int version = header.IsV2 ? 2 : 1;
        if (_byCookie.TryGetValue((version, header.InitiatorCookie), out SaBuilder? builder))
        {
            return builder;
        }

        if (_order.Count >= _limits.MaxIkeSas)
        {
            if (!_limitReported)
            {
                _limitReported = true;
                Report(datagram.Frame, string.Create(CultureInfo.InvariantCulture, $"more than {_limits.MaxIkeSas} IKE SAs; later ones are not reconstructed"), DiagnosticSeverity.Warning);
            }

            return null;
        }

        // IKEv2 says who initiated (I flag); IKEv1 only by a zero responder cookie, else the first sender is taken as initiator.
        bool sourceIsInitiator = header.IsV2 ? header.V2Initiator : true;
        var sa = new IkeSa
        {
            Version = version,
            InitiatorCookie = header.InitiatorCookie,
            ResponderCookie = header.ResponderCookie,
            Initiator = sourceIsInitiator ? datagram.Source : datagram.Destination,
            Responder = sourceIsInitiator ? datagram.Destination : datagram.Source,
        };
        builder = new SaBuilder(sa, _fragmentBudget, _notices);
        _byCookie[(version, header.InitiatorCookie)] = builder;
        _order.Add(builder);
        _sas.Add(builder.Sa);
        return builder;
    }

    private static IkeExchange ExchangeOf(SaBuilder builder, in IsakmpHeader header, IkeExchangeKind kind, bool fromInitiator, bool retransmission)
    {
        if (!header.IsV2)
        {
            // Main/Aggressive Mode belong to the SA's initiator; other exchanges to whoever sent the first message with that ID.
            if (ExchangeKinds.IsPhase1(kind))
            {
                return builder.ExchangeFor(kind, header.MessageId, true, false);
            }

            if (builder.TryGetExchange(kind, header.MessageId, !fromInitiator, out IkeExchange? answered) && answered is not null)
            {
                return answered;
            }

            return builder.ExchangeFor(kind, header.MessageId, fromInitiator, false);
        }

        bool response = header.V2Response;
        bool byInitiator = fromInitiator ^ response;
        if (builder.TryGetExchange(kind, header.MessageId, byInitiator, out IkeExchange? existing) && existing is not null)
        {
            // A fresh request after a response with the same ID is a retry (COOKIE, INVALID_KE_PAYLOAD): a new attempt.
            bool answeredAlready = existing.Messages.Exists(m => m.Number == 2);
            if (!response && !retransmission && answeredAlready)
            {
                return builder.ExchangeFor(kind, header.MessageId, byInitiator, true);
            }

            return existing;
        }

        return builder.ExchangeFor(kind, header.MessageId, byInitiator, false);
    }

    private static int NumberOf(SaBuilder builder, IkeExchange exchange, IkeMessage message, in IsakmpHeader header, IsakmpContent content, bool v2)
    {
        if (v2)
        {
            return header.V2Response ? 2 : 1;
        }

        bool fromStarter = message.FromInitiator == exchange.StartedByInitiator;
        if (content.Fragment is { } fragment)
        {
            IkeFragmentedMessage? set = builder.FragmentSetFor(message.FromInitiator, fragment.FragmentId);
            if (set?.MessageNumber is int known)
            {
                return known;
            }
        }

        if (exchange.Kind == IkeExchangeKind.MainMode && content.Fragment is null)
        {
            // RFC 2409 §5: MM1/2 carry SA, MM3/4 KE and nonce, MM5/6 are encrypted.
            int pair = header.IsEncrypted ? 3 : content.Has(PayloadType.KeyExchange) ? 2 : content.Has(PayloadType.SecurityAssociation) ? 1 : 0;
            if (pair > 0)
            {
                return (pair * 2) - (fromStarter ? 1 : 0);
            }
        }

        // Otherwise messages alternate: the next number of the right parity after the highest so far.
        int highest = exchange.HighestMessage;
        int next = highest + 1;
        bool nextIsStarters = next % 2 == 1;
        return nextIsStarters == fromStarter ? next : next + 1;
    }

    private IsakmpContent? TryDecrypt(SaBuilder builder, in IsakmpHeader header, ReadOnlySpan<byte> message, IkeExchangeKind kind, FrameRef frame, bool reportFailure)
    {
        if (builder.Decryption is null)
        {
            builder.ReportNoKey(_keys, frame);
            return null;
        }

        byte[]? plain = builder.Decryption.Decrypt(message[IsakmpReader.HeaderLength..], ExchangeKinds.IsPhase1(kind), header.MessageId);
        if (plain is null)
        {
            if (reportFailure)
            {
                builder.Note(new IkeAnomaly(IkeAnomalyKind.DecryptionFailed, frame, "the message could not be decrypted (no IV or not whole cipher blocks)"));
            }

            return null;
        }

        IsakmpReader reader = IsakmpReader.ForChain(plain, header.FirstPayload, false, IsakmpReader.HeaderLength);
        IsakmpContent inner = IsakmpContentReader.Read(ref reader, false, _limits.MaxStringLength);
        if (inner.Errors.Count > 0 || inner.Types.Count == 0)
        {
            // A wrong key (the peer derived another one, e.g. a PSK mismatch) turns the body into noise.
            builder.Note(new IkeAnomaly(IkeAnomalyKind.DecryptionFailed, frame,
                "decrypted bytes are not a valid payload chain (wrong key?)" + (inner.Errors.Count > 0 ? ": " + inner.Errors[0] : string.Empty)));
            return null;
        }

        NoteLimits(inner, frame);
        builder.Sa.Decrypted = true;
        builder.Sa.DecryptionKeyOrigin ??= _keyStore?.Ikev1Origin(builder.Sa.InitiatorCookie);
        return inner;
    }

    /// <summary>
    /// IKEv2 SK payload (or one SKF fragment, RFC 7383: each decrypted on its own, the inner chain
    /// read once every fragment of the message is there) with the SA's keys from the key store.
    /// </summary>
    private IsakmpContent? TryDecryptV2(SaBuilder builder, in IsakmpHeader header, ReadOnlySpan<byte> message, FrameRef frame)
    {
        if (_keyStore!.FindIkev2(header.InitiatorCookie, header.ResponderCookie) is not Ikev2SaKey key)
        {
            if (_v2NoKey.Add(builder))
            {
                builder.Note(new IkeAnomaly(IkeAnomalyKind.NoEncryptionKey, frame, "no key for these IKEv2 SPIs in the key files"));
            }

            return null;
        }

        Ikev2DecryptionStatus status = Ikev2Decryption.TryDecrypt(message, key, out byte[] plain, out PayloadType first, out (int Number, int Total)? fragment);
        if (status != Ikev2DecryptionStatus.Decrypted)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.DecryptionFailed, frame, status switch
            {
                Ikev2DecryptionStatus.IntegrityMismatch => "the integrity checksum does not match (wrong keys, or the message was changed on its way)",
                Ikev2DecryptionStatus.Unsupported => "vpndiag cannot run " + key.Describe(),
                _ => "the encrypted payload is cut short or malformed",
            }));
            return null;
        }

        builder.Sa.Decrypted = true;
        builder.Sa.DecryptionCipher ??= key.Describe();
        builder.Sa.DecryptionKeyOrigin ??= key.Origin;
        if (fragment is (int number, int total))
        {
            var slot = (builder, header.MessageId, header.V2Initiator, header.V2Response);
            if (!_v2Fragments.TryGetValue(slot, out SortedDictionary<int, (byte[] Plain, PayloadType First)>? parts))
            {
                _v2Fragments[slot] = parts = [];
            }

            parts[number] = (plain, first);
            if (total <= 0 || parts.Count < total || !parts.TryGetValue(1, out (byte[] Plain, PayloadType First) head))
            {
                return null;
            }

            _v2Fragments.Remove(slot);
            first = head.First;
            plain = [.. parts.Values.SelectMany(p => p.Plain)];
        }

        IsakmpReader reader = IsakmpReader.ForChain(plain, first, true, 0);
        IsakmpContent inner = IsakmpContentReader.Read(ref reader, true, _limits.MaxStringLength);
        // An empty SK payload is a valid message (an INFORMATIONAL answer, a liveness check).
        if ((inner.Types.Count == 0 && first != PayloadType.None) || inner.Errors.Any(e => e.Kind != ParseErrorKind.LimitReached))
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.DecryptionFailed, frame,
                "decrypted bytes are not a valid payload chain" + (inner.Errors.Count > 0 ? ": " + inner.Errors[0] : string.Empty)));
            return inner.Types.Count == 0 ? null : inner;
        }

        NoteLimits(inner, frame);
        return inner;
    }

    private void RecordFragment(SaBuilder builder, IkeExchange exchange, IkeMessage message, in IsakmpHeader header, IsakmpContent content, bool v2)
    {
        if (content.Fragment is not { } fragment)
        {
            return;
        }

        if (v2)
        {
            builder.AddV2Fragment(message.FromInitiator, exchange.Kind, header.MessageId, fragment, message.Frame, message.Number);
            return;
        }

        byte[]? whole = builder.AddV1Fragment(message.FromInitiator, exchange.Kind, header.MessageId, fragment, message.Frame, message.Number);
        if (_fragmentBudget.FirstRefusal is FrameRef refused && !_fragmentLimitReported)
        {
            _fragmentLimitReported = true;
            Report(refused, string.Create(CultureInfo.InvariantCulture,
                $"IKE fragments held for reassembly reached the {_limits.MaxReassemblyBytes}-byte limit; later fragments were not kept and their messages stay incomplete"),
                DiagnosticSeverity.Warning);
        }

        if (whole is null || !IsakmpReader.TryReadHeader(whole, out IsakmpHeader innerHeader, out _))
        {
            return;
        }

        // The reassembled bytes are a whole ISAKMP message (header included): read it like one, without counting it as captured.
        IsakmpContent? inner = null;
        if (innerHeader.IsEncrypted)
        {
            int end = (int)Math.Min(innerHeader.Length, (uint)whole.Length);
            inner = TryDecrypt(builder, innerHeader, whole.AsSpan(0, end), exchange.Kind, message.Frame, reportFailure: true);
        }
        else
        {
            IsakmpReader reader = IsakmpReader.ForMessage(whole, innerHeader);
            inner = IsakmpContentReader.Read(ref reader, false, _limits.MaxStringLength);
            NoteLimits(inner, message.Frame);
        }

        if (inner is not null)
        {
            ContentRecorder.Record(builder, message, exchange, inner, innerHeader, false, innerHeader.IsEncrypted);
        }
    }

    /// <summary>
    /// Identities cut at the string limit, and payloads the parser stopped at one of its per-message
    /// bounds (<see cref="SecurityAssociationReader.MaxProposals"/>,
    /// <see cref="AttributeReader.MaxAttributes"/>): each kind warned once per capture.
    /// The SA keeps its per-message anomaly either way.
    /// </summary>
    private void NoteLimits(IsakmpContent content, FrameRef frame)
    {
        foreach (IdentificationPayload id in content.Identities)
        {
            if (id.ValueCut)
            {
                _notices.TextCut(Identity, frame);
            }
        }

        foreach (ParseError error in content.Errors)
        {
            if (error.Kind == ParseErrorKind.LimitReached)
            {
                // The detail names the bound ("more than 64 proposals"), so each bound is its own kind.
                _notices.Reached(error.Detail, frame, error, static e => string.Create(CultureInfo.InvariantCulture,
                    $"an IKE SA payload has {e.Detail} (offset 0x{e.Offset:X} in the message) and was read only up to there; later payloads past this bound in this capture are not reported"));
            }
        }
    }

    private static void RecordAnomalies(SaBuilder builder, in VpnDatagram datagram, in IsakmpHeader header, IsakmpContent content, int captured)
    {
        if (header.Length > captured)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.TruncatedMessage, datagram.Frame, string.Create(CultureInfo.InvariantCulture,
                $"header says {header.Length} bytes, {captured} captured")));
        }
        else if (captured > header.Length)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.PayloadExtraData, datagram.Frame, string.Create(CultureInfo.InvariantCulture,
                $"{captured - header.Length} bytes after the message's declared length")));
        }

        foreach (ParseError error in content.Errors)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.MalformedPayload, datagram.Frame, error.ToString()));
        }

        if (content.ExtraBytes > 0 && !header.IsEncrypted)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.PayloadExtraData, datagram.Frame, string.Create(CultureInfo.InvariantCulture,
                $"{content.ExtraBytes} bytes after the last payload at offset 0x{content.ExtraBytesOffset:X}")));
        }

        foreach (PayloadType type in content.Types)
        {
            if (!PayloadNames.Table.IsKnown((int)type))
            {
                builder.Note(new IkeAnomaly(IkeAnomalyKind.UnknownPayload, datagram.Frame, PayloadNames.Name(type)));
            }
        }

        if (ExchangeKinds.From(header.Exchange, header.IsV2) == IkeExchangeKind.Unknown)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.UnexpectedExchange, datagram.Frame, ExchangeTypeNames.Name(header.Exchange)));
        }
    }

    private static KeyStore Store(IkeKeyTable table)
    {
        var store = new KeyStore();
        foreach ((ulong cookie, byte[] key) in table.Keys)
        {
            store.AddIkev1(cookie, key, "--ike-keys");
        }

        return store;
    }

    private void Report(FrameRef frame, string message, DiagnosticSeverity severity = DiagnosticSeverity.Info) =>
        _diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, frame.Frame, message, severity));

    internal static ulong CookieFrom(ReadOnlySpan<byte> isakmp) => BinaryPrimitives.ReadUInt64BigEndian(isakmp);
}

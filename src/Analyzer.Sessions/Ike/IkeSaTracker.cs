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
    private readonly AnalysisInput _input;
    private readonly AnalysisLimits _limits;
    private readonly IkeKeyTable? _keys;
    private readonly KeyStore? _keyStore;
    private readonly IkeMessageDecryption _decryption;
    private readonly Dictionary<(int Version, ulong Cookie), SaBuilder> _byCookie = [];
    private readonly List<SaBuilder> _order = [];
    private readonly List<IkeSa> _sas = [];
    private readonly List<InputDiagnostic> _diagnostics = [];
    private readonly SnapLengthCuts _snapLengthCuts = new();
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
        _decryption = new IkeMessageDecryption(limits, keys, notices);
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
            if (datagram.IsTruncated && error.Kind == ParseErrorKind.Truncated)
            {
                _snapLengthCuts.Note(datagram.Frame, bytes.Length, datagram.WireLength);
                return;
            }

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
        IsakmpContentLimits.Note(_notices, content, datagram.Frame);
        IkeExchange exchange = ExchangePlacement.ExchangeOf(builder, header, kind, fromInitiator, retransmission);

        // Decrypt before numbering: a Main Mode message's number shows in its payloads.
        // Retransmitted ciphertext decrypts from the context's memory of its first copy, without moving the IV chain.
        IsakmpContent? inner = null;
        if (header.IsEncrypted && !bogusLength)
        {
            inner = _decryption.TryDecryptV1(builder, header, message, kind, datagram.Frame, reportFailure: !retransmission);
        }
        else if (v2 && !bogusLength && _keyStore is not null
            && (content.Has(PayloadType.V2Encrypted) || content.Has(PayloadType.V2EncryptedFragment)))
        {
            inner = _decryption.TryDecryptV2(builder, header, message, datagram.Frame);
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
            HopLimit = datagram.HopLimit,
            Length = (int)Math.Min(header.Length, int.MaxValue),
            ContentHash = contentHash,
            NatTraversal = natT,
            Fragment = content.Fragment is { } f ? new IkeFragmentInfo(f.Number, f.Last) : null,
        };

        ikeMessage.Number = retransmission ? earlierNumber : ExchangePlacement.NumberOf(builder, exchange, ikeMessage, header, inner ?? content, v2);
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

        if (datagram.IsTruncated && header.Length > (uint)bytes.Length)
        {
            _snapLengthCuts.Note(datagram.Frame, bytes.Length, datagram.WireLength);
        }

        MessageAnomalies.Record(builder, datagram, header, content, bytes.Length);
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

        _snapLengthCuts.MoveTo(_diagnostics, _input.DisplayName, model.Statistics);
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

        // IKEv2 says who initiated (I flag). IKEv1 says it only through the message: a capture that
        // starts after message 1, or sees one direction only, may first see the responder's answer.
        bool sourceIsInitiator = header.IsV2 ? header.V2Initiator : !IsPhase1Answer(header);
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

    /// <summary>
    /// RFC 2409 §5.4 and §5.5: the responder's first Main or Aggressive Mode message (MM2, AM2) is the
    /// only clear phase 1 message that carries the responder cookie and starts with the SA payload;
    /// the initiator's MM1/AM1 has a zero responder cookie (RFC 2408 §3.1), MM3/MM4 start with KE.
    /// </summary>
    private static bool IsPhase1Answer(in IsakmpHeader header) =>
        header.ResponderCookie != 0 && !header.IsEncrypted && header.FirstPayload == PayloadType.SecurityAssociation
        && header.Exchange is ExchangeType.IdentityProtection or ExchangeType.Aggressive;

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
            inner = _decryption.TryDecryptV1(builder, innerHeader, whole.AsSpan(0, end), exchange.Kind, message.Frame, reportFailure: true);
        }
        else
        {
            IsakmpReader reader = IsakmpReader.ForMessage(whole, innerHeader);
            inner = IsakmpContentReader.Read(ref reader, false, _limits.MaxStringLength);
            IsakmpContentLimits.Note(_notices, inner, message.Frame);
        }

        if (inner is not null)
        {
            ContentRecorder.Record(builder, message, exchange, inner, innerHeader, false, innerHeader.IsEncrypted);
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

using System.Globalization;
using System.Security.Cryptography;
using Analyzer.Core;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// The state one IKE SA needs while its messages arrive: exchanges by message ID, retransmission
/// fingerprints, KE values and NAT-D samples for later, fragment sets, and the decryption context.
/// </summary>
internal sealed class SaBuilder
{
    private const string FragmentLimit = "IKE fragments of one message";
    private readonly Dictionary<(uint MessageId, IkeExchangeKind Kind, bool ByInitiator), IkeExchange> _exchanges = [];
    private readonly Dictionary<(ulong Hash, bool FromInitiator), int> _seen = [];
    private readonly Dictionary<(bool FromInitiator, ushort Id), (IkeFragmentedMessage Set, Dictionary<int, byte[]> Pieces, int Bytes)> _v1Fragments = [];
    private readonly Dictionary<(bool FromInitiator, uint MessageId, IkeExchangeKind Kind), IkeFragmentedMessage> _v2Fragments = [];
    private byte[]? _initiatorKe;
    private byte[]? _responderKe;
    private bool _reportedNoKey;

    private readonly IkeFragmentBudget _fragmentBudget;
    private readonly LimitNotices _notices;

    public SaBuilder(IkeSa sa, IkeFragmentBudget fragmentBudget, LimitNotices notices)
    {
        Sa = sa;
        _fragmentBudget = fragmentBudget;
        _notices = notices;
    }

    public IkeSa Sa { get; }

    public AnalysisLimits Limits => _notices.Limits;

    /// <summary>Records an anomaly of the SA, the list bounded like its messages (<see cref="AnalysisLimits.MaxIkeMessagesPerSa"/>).</summary>
    public void Note(IkeAnomaly anomaly) => HeadAndTail.Append(Sa.Anomalies, anomaly, Limits.MaxIkeMessagesPerSa);

    public List<NatDiscoverySample> NatSamples { get; } = [];

    public Ikev1DecryptionContext? Decryption { get; set; }

    /// <summary>The responder's Phase 1 transform as decoded (IKEv1), for cipher and hash attributes.</summary>
    public SaTransform? ChosenTransform { get; set; }

    /// <summary>The hash negotiated for Phase 1 (IKEv1), used for NAT-D; SHA-1 for IKEv2.</summary>
    public HashAlgorithmName? NatHash { get; set; }

    public bool IsFromInitiator(NetEndpoint source) => Sa.IsFromInitiator(source);

    /// <summary>Counts a message's bytes: returns the number given to its first copy when it is a retransmission.</summary>
    public bool TryGetRetransmission(ulong hash, bool fromInitiator, out int number) => _seen.TryGetValue((hash, fromInitiator), out number);

    public void Remember(ulong hash, bool fromInitiator, int number)
    {
        // Fingerprints of a very long SA's old messages are forgotten: nobody retransmits those.
        if (_seen.Count >= 2 * Math.Max(Limits.MaxIkeMessagesPerSa, 1))
        {
            _seen.Clear();
        }

        _seen[(hash, fromInitiator)] = number;
    }

    public IkeExchange ExchangeFor(IkeExchangeKind kind, uint messageId, bool byInitiator, bool newAttempt)
    {
        var key = (messageId, kind, byInitiator);
        if (!newAttempt && _exchanges.TryGetValue(key, out IkeExchange? existing))
        {
            return existing;
        }

        var exchange = new IkeExchange { Kind = kind, MessageId = messageId, StartedByInitiator = byInitiator };
        _exchanges[key] = exchange;
        if (HeadAndTail.Append(Sa.Exchanges, exchange, Limits.MaxIkeMessagesPerSa, out IkeExchange? dropped) && dropped is not null)
        {
            // Forgotten with its messages: a late message of it starts a new exchange.
            var droppedKey = (dropped.MessageId, dropped.Kind, dropped.StartedByInitiator);
            if (_exchanges.TryGetValue(droppedKey, out IkeExchange? indexed) && ReferenceEquals(indexed, dropped))
            {
                _exchanges.Remove(droppedKey);
            }
        }

        return exchange;
    }

    public bool TryGetExchange(IkeExchangeKind kind, uint messageId, bool byInitiator, out IkeExchange? exchange) =>
        _exchanges.TryGetValue((messageId, kind, byInitiator), out exchange);

    public void SetKeyExchange(bool fromInitiator, byte[] publicValue)
    {
        if (fromInitiator)
        {
            _initiatorKe ??= publicValue;
        }
        else
        {
            _responderKe ??= publicValue;
        }
    }

    /// <summary>Builds the IKEv1 decryption context once the key, the chosen transform and both KE values are known.</summary>
    public void TryStartDecryption(IkeKeyTable? keys, SaTransform? chosen, FrameRef frame)
    {
        if (Decryption is not null || keys is null || chosen is null || _initiatorKe is null || _responderKe is null)
        {
            return;
        }

        if (!keys.TryGetKey(Sa.InitiatorCookie, out byte[] key))
        {
            return;
        }

        Ikev1Cipher? cipher = Ikev1Cipher.FromAttributes(chosen.Attribute(Ikev1AttributeNames.Phase1Encryption), chosen.Attribute(Ikev1AttributeNames.Phase1KeyLength));
        HashAlgorithmName? hash = NatDiscoveryHash.FromIkev1(chosen.Attribute(Ikev1AttributeNames.Phase1Hash));
        if (cipher is null || hash is null || key.Length < cipher.KeyBytes)
        {
            Note(new IkeAnomaly(IkeAnomalyKind.DecryptionFailed, frame,
                cipher is null || hash is null ? "the negotiated cipher or hash is not one vpndiag decrypts (DES, 3DES, AES-CBC with MD5/SHA)" : "the key in the table is shorter than the cipher needs"));
            return;
        }

        Decryption = new Ikev1DecryptionContext(key, cipher, hash.Value);
        Decryption.SetKeyExchange(_initiatorKe, _responderKe);
    }

    public void ReportNoKey(IkeKeyTable? keys, FrameRef frame)
    {
        if (_reportedNoKey || keys is null)
        {
            return;
        }

        _reportedNoKey = true;
        string detail = keys.TryGetKey(Sa.InitiatorCookie, out _)
            ? "a key is in the table but the Phase 1 transform or KE payloads were not seen, so no IV could be derived"
            : "no key for this initiator cookie in the --ike-keys table";
        Note(new IkeAnomaly(IkeAnomalyKind.NoEncryptionKey, frame, detail));
    }

    /// <summary>Records one IKEv1 fragment; returns the whole message's bytes once every fragment arrived.</summary>
    public byte[]? AddV1Fragment(bool fromInitiator, IkeExchangeKind kind, uint messageId, FragmentPayload fragment, FrameRef frame, int? messageNumber)
    {
        var key = (fromInitiator, fragment.FragmentId);
        if (!_v1Fragments.TryGetValue(key, out var entry))
        {
            var set = new IkeFragmentedMessage { FromInitiator = fromInitiator, Exchange = kind, MessageId = messageId, FragmentId = fragment.FragmentId, MessageNumber = messageNumber };
            Sa.FragmentedMessages.Add(set);
            entry = (set, new Dictionary<int, byte[]>(), 0);
        }

        entry.Set.Frames.Add(frame);
        bool wasComplete = entry.Set.Complete;
        int maxBytes = _notices.Limits.MaxIkeFragmentedMessageBytes;
        bool fresh = !entry.Pieces.ContainsKey(fragment.Number);
        if (fresh && entry.Bytes + fragment.Data.Length > maxBytes)
        {
            _notices.Reached(FragmentLimit, frame, maxBytes, static max => string.Create(CultureInfo.InvariantCulture,
                $"IKE fragments of one message add up to more than {max} bytes; the rest of its fragments are not kept and it stays incomplete (later messages past this limit in this capture are not reported)"));
        }
        else if (fresh && _fragmentBudget.TryReserve(fragment.Data.Length, frame))
        {
            entry.Pieces[fragment.Number] = fragment.Data;
            entry.Bytes += fragment.Data.Length;
            entry.Set.Received.Add(fragment.Number);
        }

        if (fragment.Last)
        {
            entry.Set.Total ??= fragment.Number;
        }

        _v1Fragments[key] = entry;
        if (wasComplete || !entry.Set.Complete || entry.Set.Total is not int total)
        {
            return null;
        }

        byte[] whole = new byte[entry.Bytes];
        int offset = 0;
        for (int number = 1; number <= total; number++)
        {
            if (!entry.Pieces.TryGetValue(number, out byte[]? piece))
            {
                return null;
            }

            piece.CopyTo(whole, offset);
            offset += piece.Length;
        }

        return whole.AsSpan(0, offset).ToArray();
    }

    public IkeFragmentedMessage? FragmentSetFor(bool fromInitiator, ushort fragmentId) =>
        _v1Fragments.TryGetValue((fromInitiator, fragmentId), out var entry) ? entry.Set : null;

    public void AddV2Fragment(bool fromInitiator, IkeExchangeKind kind, uint messageId, FragmentPayload fragment, FrameRef frame, int messageNumber)
    {
        var key = (fromInitiator, messageId, kind);
        if (!_v2Fragments.TryGetValue(key, out IkeFragmentedMessage? set))
        {
            set = new IkeFragmentedMessage { FromInitiator = fromInitiator, Exchange = kind, MessageId = messageId, MessageNumber = messageNumber };
            _v2Fragments[key] = set;
            Sa.FragmentedMessages.Add(set);
        }

        set.Frames.Add(frame);
        set.Received.Add(fragment.Number);
        set.Total ??= fragment.Total;
    }
}

using Analyzer.Core;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Protocols.Keys;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// Decrypts the encrypted messages of one capture's SAs with the key store: IKEv1 along each SA's CBC
/// chain (<see cref="SaBuilder.Decryption"/>), IKEv2 message by message, RFC 7383 fragments decrypted
/// one by one and read once all have arrived. A body that does not read as a payload chain is
/// refused (a wrong key turns it into noise) and the refusal noted on the SA.
/// </summary>
internal sealed class IkeMessageDecryption
{
    private readonly AnalysisLimits _limits;
    private readonly IkeKeyTable? _keys;
    private readonly KeyStore? _keyStore;
    private readonly LimitNotices _notices;
    private readonly HashSet<SaBuilder> _v2NoKey = [];
    private readonly Dictionary<(SaBuilder, uint, bool, bool), SortedDictionary<int, (byte[] Plain, PayloadType First)>> _v2Fragments = [];

    public IkeMessageDecryption(AnalysisLimits limits, KeyStore? keyStore, LimitNotices notices)
    {
        _limits = limits;
        _keys = keyStore?.Ikev1;
        _keyStore = keyStore;
        _notices = notices;
    }

    public IsakmpContent? TryDecryptV1(SaBuilder builder, in IsakmpHeader header, ReadOnlySpan<byte> message, IkeExchangeKind kind, FrameRef frame, bool reportFailure)
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

        IsakmpContentLimits.Note(_notices, inner, frame);
        builder.Sa.Decrypted = true;
        builder.Sa.DecryptionKeyOrigin ??= _keyStore?.Ikev1Origin(builder.Sa.InitiatorCookie);
        return inner;
    }

    /// <summary>
    /// IKEv2 SK payload (or one SKF fragment, RFC 7383: each decrypted on its own, the inner chain
    /// read once every fragment of the message is there) with the SA's keys from the key store.
    /// </summary>
    public IsakmpContent? TryDecryptV2(SaBuilder builder, in IsakmpHeader header, ReadOnlySpan<byte> message, FrameRef frame)
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

        IsakmpContentLimits.Note(_notices, inner, frame);
        return inner;
    }
}

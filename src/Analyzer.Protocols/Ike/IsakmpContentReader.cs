using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.V2;

namespace Analyzer.Protocols.Ike;

/// <summary>
/// Walks a payload chain and decodes each payload it knows into an <see cref="IsakmpContent"/>. A
/// payload that fails to decode is listed and its error recorded; the walk goes on (each payload is
/// bounded by its own length), and stops only where the chain itself is broken.
/// </summary>
public static class IsakmpContentReader
{
    public static IsakmpContent Read(ref IsakmpReader reader, bool v2, int maxStringLength)
    {
        var parts = new Parts();
        ParseError error;
        while (reader.TryReadPayload(out IsakmpPayload payload, out error))
        {
            parts.Types.Add(payload.Type);
            if (error.IsError)
            {
                Add(ref parts.Errors, error);
                error = default;
            }

            if (!TryDecode(payload, v2, maxStringLength, ref parts, out ParseError payloadError))
            {
                Add(ref parts.Errors, payloadError);
            }
        }

        int extraBytes = 0;
        int extraBytesOffset = 0;
        if (error.IsError)
        {
            Add(ref parts.Errors, error);
        }
        else if (reader.Remaining > 0)
        {
            extraBytes = reader.Remaining;
            extraBytesOffset = reader.Offset;
        }

        return new IsakmpContent
        {
            Types = parts.Types,
            Proposals = (IReadOnlyList<SaProposal>?)parts.Proposals ?? [],
            KeyExchange = parts.KeyExchange,
            NatDiscoveryHashes = (IReadOnlyList<byte[]>?)parts.NatDiscoveryHashes ?? [],
            Identities = (IReadOnlyList<IdentificationPayload>?)parts.Identities ?? [],
            Certificates = (IReadOnlyList<CertificatePayload>?)parts.Certificates ?? [],
            CertificateRequests = (IReadOnlyList<CertificateRequestPayload>?)parts.CertificateRequests ?? [],
            Notifications = (IReadOnlyList<NotificationPayload>?)parts.Notifications ?? [],
            Deletes = (IReadOnlyList<DeletePayload>?)parts.Deletes ?? [],
            VendorIds = (IReadOnlyList<byte[]>?)parts.VendorIds ?? [],
            Fragment = parts.Fragment,
            Eap = (IReadOnlyList<EapPayload>?)parts.Eap ?? [],
            Configurations = (IReadOnlyList<ConfigurationPayload>?)parts.Configurations ?? [],
            InitiatorSelectors = (IReadOnlyList<TrafficSelectorPayload>?)parts.InitiatorSelectors ?? [],
            ResponderSelectors = (IReadOnlyList<TrafficSelectorPayload>?)parts.ResponderSelectors ?? [],
            AuthenticationMethods = (IReadOnlyList<byte>?)parts.AuthenticationMethods ?? [],
            InnerFirstPayload = reader.InnerFirstPayload,
            Errors = (IReadOnlyList<ParseError>?)parts.Errors ?? [],
            ExtraBytes = extraBytes,
            ExtraBytesOffset = extraBytesOffset,
        };
    }

    /// <summary>The lists being filled during one walk; a list is made only when its first item arrives.</summary>
    private struct Parts
    {
        public Parts()
        {
        }

        public List<PayloadType> Types = new(8);
        public List<SaProposal>? Proposals;
        public KeyExchangePayload? KeyExchange;
        public List<byte[]>? NatDiscoveryHashes;
        public List<IdentificationPayload>? Identities;
        public List<CertificatePayload>? Certificates;
        public List<CertificateRequestPayload>? CertificateRequests;
        public List<NotificationPayload>? Notifications;
        public List<DeletePayload>? Deletes;
        public List<byte[]>? VendorIds;
        public FragmentPayload? Fragment;
        public List<EapPayload>? Eap;
        public List<ConfigurationPayload>? Configurations;
        public List<TrafficSelectorPayload>? InitiatorSelectors;
        public List<TrafficSelectorPayload>? ResponderSelectors;
        public List<byte>? AuthenticationMethods;
        public List<ParseError>? Errors;
    }

    private static bool TryDecode(IsakmpPayload payload, bool v2, int maxStringLength, ref Parts parts, out ParseError error)
    {
        error = default;
        ReadOnlySpan<byte> body = payload.Body;
        int at = payload.Offset + IsakmpReader.GenericPayloadHeaderLength;
        switch (payload.Type)
        {
            case PayloadType.SecurityAssociation:
                // DOI and situation are checked by the reader; nothing downstream reads them.
                return SecurityAssociationReader.TryRead(body, at, out _, out _, parts.Proposals ??= [], out error);
            case PayloadType.V2SecurityAssociation:
                return Ikev2SecurityAssociationReader.TryRead(body, at, parts.Proposals ??= [], out error);
            case PayloadType.KeyExchange:
            case PayloadType.V2KeyExchange:
                bool keRead = KeyExchangePayload.TryRead(body, v2, at, out KeyExchangePayload? ke, out error);
                parts.KeyExchange ??= ke;
                return keRead;
            case PayloadType.NatDiscovery:
            case PayloadType.NatDiscoveryDraft:
                Add(ref parts.NatDiscoveryHashes, body.ToArray());
                return true;
            case PayloadType.Identification:
            case PayloadType.V2IdentificationInitiator:
            case PayloadType.V2IdentificationResponder:
                bool idRead = IdentificationPayload.TryRead(body, v2, at, maxStringLength, out IdentificationPayload? id, out error);
                AddIfNotNull(ref parts.Identities, id);
                return idRead;
            case PayloadType.Certificate:
            case PayloadType.V2Certificate:
                bool certRead = CertificatePayload.TryRead(body, at, out CertificatePayload? cert, out error);
                AddIfNotNull(ref parts.Certificates, cert);
                return certRead;
            case PayloadType.CertificateRequest:
            case PayloadType.V2CertificateRequest:
                bool crRead = CertificateRequestPayload.TryRead(body, at, out CertificateRequestPayload? request, out error);
                AddIfNotNull(ref parts.CertificateRequests, request);
                return crRead;
            case PayloadType.Notification:
            case PayloadType.V2Notify:
                bool nRead = NotificationPayload.TryRead(body, v2, at, out NotificationPayload? notify, out error);
                AddIfNotNull(ref parts.Notifications, notify);
                return nRead;
            case PayloadType.Delete:
            case PayloadType.V2Delete:
                bool dRead = DeletePayload.TryRead(body, v2, at, out DeletePayload? delete, out error);
                AddIfNotNull(ref parts.Deletes, delete);
                return dRead;
            case PayloadType.VendorId:
            case PayloadType.V2VendorId:
                Add(ref parts.VendorIds, body.ToArray());
                return true;
            case PayloadType.V2Authentication:
                if (!body.IsEmpty)
                {
                    Add(ref parts.AuthenticationMethods, body[0]);
                }

                return true;
            case PayloadType.V2Eap when v2:
                bool eapRead = EapPayload.TryRead(body, at, maxStringLength, out EapPayload? eap, out error);
                AddIfNotNull(ref parts.Eap, eap);
                return eapRead;
            case PayloadType.V2Configuration when v2:
                bool cpRead = ConfigurationPayload.TryRead(body, at, out ConfigurationPayload? cp, out error);
                AddIfNotNull(ref parts.Configurations, cp);
                return cpRead;
            case PayloadType.V2TrafficSelectorInitiator when v2:
            case PayloadType.V2TrafficSelectorResponder when v2:
                bool tsRead = TrafficSelectorPayload.TryRead(body, at, out TrafficSelectorPayload? ts, out error);
                AddIfNotNull(ref payload.Type == PayloadType.V2TrafficSelectorInitiator ? ref parts.InitiatorSelectors : ref parts.ResponderSelectors, ts);
                return tsRead;
            case PayloadType.Ikev1Fragment when !v2:
            case PayloadType.V2EncryptedFragment when v2:
                bool fRead = FragmentPayload.TryRead(body, v2, at, out FragmentPayload? fragment, out error);
                parts.Fragment ??= fragment;
                return fRead;
            default:
                return true;
        }
    }

    private static void Add<T>(ref List<T>? list, T item) => (list ??= []).Add(item);

    private static void AddIfNotNull<T>(ref List<T>? list, T? item)
        where T : class
    {
        if (item is not null)
        {
            (list ??= []).Add(item);
        }
    }
}

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
        var content = new IsakmpContent();
        ParseError error;
        while (reader.TryReadPayload(out IsakmpPayload payload, out error))
        {
            content.Types.Add(payload.Type);
            if (error.IsError)
            {
                content.Errors.Add(error);
                error = default;
            }

            if (!TryDecode(payload, v2, maxStringLength, content, out ParseError payloadError))
            {
                content.Errors.Add(payloadError);
            }
        }

        if (error.IsError)
        {
            content.Errors.Add(error);
        }
        else if (reader.Remaining > 0)
        {
            content.ExtraBytes = reader.Remaining;
            content.ExtraBytesOffset = reader.Offset;
        }

        content.InnerFirstPayload = reader.InnerFirstPayload;
        return content;
    }

    private static bool TryDecode(IsakmpPayload payload, bool v2, int maxStringLength, IsakmpContent content, out ParseError error)
    {
        error = default;
        ReadOnlySpan<byte> body = payload.Body;
        int at = payload.Offset + IsakmpReader.GenericPayloadHeaderLength;
        switch (payload.Type)
        {
            case PayloadType.SecurityAssociation:
                bool read = SecurityAssociationReader.TryRead(body, at, out uint doi, out uint situation, content.Proposals, out error);
                content.Doi = doi;
                content.Situation = situation;
                return read;
            case PayloadType.V2SecurityAssociation:
                return Ikev2SecurityAssociationReader.TryRead(body, at, content.Proposals, out error);
            case PayloadType.KeyExchange:
            case PayloadType.V2KeyExchange:
                bool keRead = KeyExchangePayload.TryRead(body, v2, at, out KeyExchangePayload? ke, out error);
                content.KeyExchange ??= ke;
                return keRead;
            case PayloadType.Nonce:
            case PayloadType.V2Nonce:
                content.Nonce ??= body.ToArray();
                return true;
            case PayloadType.NatDiscovery:
            case PayloadType.NatDiscoveryDraft:
                content.NatDiscoveryHashes.Add(body.ToArray());
                return true;
            case PayloadType.Identification:
            case PayloadType.V2IdentificationInitiator:
            case PayloadType.V2IdentificationResponder:
                bool idRead = IdentificationPayload.TryRead(body, v2, at, maxStringLength, out IdentificationPayload? id, out error);
                AddIfNotNull(content.Identities, id);
                return idRead;
            case PayloadType.Certificate:
            case PayloadType.V2Certificate:
                bool certRead = CertificatePayload.TryRead(body, at, out CertificatePayload? cert, out error);
                AddIfNotNull(content.Certificates, cert);
                return certRead;
            case PayloadType.CertificateRequest:
            case PayloadType.V2CertificateRequest:
                bool crRead = CertificateRequestPayload.TryRead(body, at, out CertificateRequestPayload? request, out error);
                AddIfNotNull(content.CertificateRequests, request);
                return crRead;
            case PayloadType.Notification:
            case PayloadType.V2Notify:
                bool nRead = NotificationPayload.TryRead(body, v2, at, out NotificationPayload? notify, out error);
                AddIfNotNull(content.Notifications, notify);
                return nRead;
            case PayloadType.Delete:
            case PayloadType.V2Delete:
                bool dRead = DeletePayload.TryRead(body, v2, at, out DeletePayload? delete, out error);
                AddIfNotNull(content.Deletes, delete);
                return dRead;
            case PayloadType.VendorId:
            case PayloadType.V2VendorId:
                content.VendorIds.Add(body.ToArray());
                return true;
            case PayloadType.Hash:
                content.HasHash = true;
                return true;
            case PayloadType.V2Authentication:
                content.HasHash = true;
                if (!body.IsEmpty)
                {
                    content.AuthenticationMethods.Add(body[0]);
                }

                return true;
            case PayloadType.V2Eap when v2:
                bool eapRead = EapPayload.TryRead(body, at, maxStringLength, out EapPayload? eap, out error);
                AddIfNotNull(content.Eap, eap);
                return eapRead;
            case PayloadType.V2Configuration when v2:
                bool cpRead = ConfigurationPayload.TryRead(body, at, out ConfigurationPayload? cp, out error);
                AddIfNotNull(content.Configurations, cp);
                return cpRead;
            case PayloadType.V2TrafficSelectorInitiator when v2:
            case PayloadType.V2TrafficSelectorResponder when v2:
                bool tsRead = TrafficSelectorPayload.TryRead(body, at, out TrafficSelectorPayload? ts, out error);
                AddIfNotNull(payload.Type == PayloadType.V2TrafficSelectorInitiator ? content.InitiatorSelectors : content.ResponderSelectors, ts);
                return tsRead;
            case PayloadType.Signature:
                content.HasSignature = true;
                return true;
            case PayloadType.Ikev1Fragment when !v2:
            case PayloadType.V2EncryptedFragment when v2:
                bool fRead = FragmentPayload.TryRead(body, v2, at, out FragmentPayload? fragment, out error);
                content.Fragment ??= fragment;
                return fRead;
            default:
                return true;
        }
    }

    private static void AddIfNotNull<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}

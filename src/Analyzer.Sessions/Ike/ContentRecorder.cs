using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Ike.X509;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// Copies what a message's payloads say (clear or decrypted) into the SA model: proposals, KE values,
/// NAT-D, vendor IDs, identities, certificates, requests, notifies, deletes and Quick Mode content.
/// </summary>
internal static class ContentRecorder
{
    public static void Record(SaBuilder builder, IkeMessage message, IkeExchange exchange, IsakmpContent content, IsakmpHeader header, bool v2, bool decrypted)
    {
        IkeSa sa = builder.Sa;
        bool phase1 = ExchangeKinds.IsPhase1(exchange.Kind) || exchange.Kind == IkeExchangeKind.IkeSaInit;
        RecordProposals(builder, message, exchange, content, v2, phase1);
        if (content.KeyExchange is KeyExchangePayload ke && ExchangeKinds.IsPhase1(exchange.Kind))
        {
            builder.SetKeyExchange(message.FromInitiator, ke.PublicValue);
        }

        if (content.NatDiscoveryHashes.Count > 0)
        {
            // RFC 3947 §3.2: first hash is the receiver's address and port, the rest the sender's.
            builder.NatSamples.Add(new NatDiscoverySample(message.FromInitiator, header.InitiatorCookie, header.ResponderCookie,
                message.From, message.To, content.NatDiscoveryHashes.Skip(1).ToList(), [content.NatDiscoveryHashes[0]]));
        }

        foreach (byte[] vid in content.VendorIds)
        {
            RecordVendorId(sa, vid, message.FromInitiator);
        }

        foreach (IdentificationPayload id in content.Identities)
        {
            var identity = new IkeIdentity(message.Frame, message.FromInitiator, id.IdType, v2, id.Value, id.Protocol, id.Port)
            {
                Kind = IdentificationTypes.KindOf(id.IdType, v2),
            };
            if (exchange.Kind == IkeExchangeKind.QuickMode)
            {
                (exchange.ChildSa ??= new ChildSaNegotiation()).TrafficSelectors.Add(identity);
            }
            else
            {
                sa.Identities.Add(identity);
            }
        }

        foreach (CertificatePayload certificate in content.Certificates)
        {
            CertificateSummary summary = CertificateEncodings.IsX509(certificate.Encoding)
                ? CertificateDecoder.Decode(certificate.Data)
                : new CertificateSummary(null, null, null, null, null, null, null);
            sa.Certificates.Add(new IkeCertificate(message.Frame, message.FromInitiator, certificate.Encoding, summary.Subject, summary.Issuer,
                summary.NotBefore, summary.NotAfter, summary.KeySizeBits, summary.SerialNumber, summary.Error)
            {
                ExtendedKeyUsages = summary.ExtendedKeyUsages,
                KeyUsage = summary.KeyUsage,
                PublicKeyInfoSha1 = summary.PublicKeyInfoSha1,
                IsAuthority = summary.IsAuthority,
            });
        }

        foreach (CertificateRequestPayload request in content.CertificateRequests)
        {
            string? authority = request.Authority.Length == 0 ? null
                : v2 ? Convert.ToHexStringLower(request.Authority)
                : IdentificationPayload.DistinguishedName(request.Authority) ?? Convert.ToHexStringLower(request.Authority);
            sa.CertificateRequests.Add(new IkeCertificateRequest(message.Frame, message.FromInitiator, request.Encoding, authority)
            {
                KeyHashes = v2 ? KeyHashes(request.Authority) : [],
            });
        }

        foreach (NotificationPayload notify in content.Notifications)
        {
            var observation = new IkeNotifyObservation(message.Frame, notify.Type, v2, message.FromInitiator, decrypted, Detail(notify, v2));
            message.Notifies.Add(observation);
            HeadAndTail.Append(sa.Notifies, observation, builder.Limits.MaxIkeMessagesPerSa);
            RecordV2NatDetection(builder, message, header, notify, v2);
        }

        if (v2)
        {
            Ikev2AuthenticationRecorder.Record(sa, message, content);
        }

        foreach (DeletePayload delete in content.Deletes)
        {
            var spis = new List<string>(delete.Spis.Count);
            foreach (byte[] spi in delete.Spis)
            {
                spis.Add(Convert.ToHexStringLower(spi));
            }

            sa.Deletes.Add(new IkeDeleteObservation(message.Frame, message.FromInitiator, (SecurityProtocol)delete.ProtocolId, v2, spis));
        }
    }

    /// <summary>RFC 7296 §3.7: the Certification Authority field is a concatenation of 20-byte SHA-1 hashes.</summary>
    private static List<string> KeyHashes(byte[] authority)
    {
        const int Sha1Length = 20;
        var hashes = new List<string>(authority.Length / Sha1Length);
        for (int offset = 0; offset + Sha1Length <= authority.Length; offset += Sha1Length)
        {
            hashes.Add(Convert.ToHexStringLower(authority.AsSpan(offset, Sha1Length)));
        }

        return hashes;
    }

    private static void RecordProposals(SaBuilder builder, IkeMessage message, IkeExchange exchange, IsakmpContent content, bool v2, bool phase1)
    {
        if (content.Proposals.Count == 0)
        {
            return;
        }

        IkeSa sa = builder.Sa;
        var named = new List<IkeProposal>();
        foreach (SaProposal proposal in content.Proposals)
        {
            if (v2)
            {
                named.Add(ProposalReading.FromV2(proposal));
            }
            else
            {
                named.AddRange(ProposalReading.FromV1(proposal));
            }
        }

        // A proposal without transforms names nothing; there is no choice to record (found by fuzzing).
        if (named.Count == 0)
        {
            return;
        }

        if (phase1)
        {
            if (message.FromInitiator)
            {
                if (sa.Proposals.Count == 0)
                {
                    sa.Proposals.AddRange(named);
                }
            }
            else
            {
                if (named.Count > 1)
                {
                    builder.Note(new IkeAnomaly(IkeAnomalyKind.MultipleResponderProposals, message.Frame,
                        named.Count.ToString(CultureInfo.InvariantCulture) + " transforms in the responder's SA payload"));
                }

                sa.Chosen = named[0];
                if (!v2 && content.Proposals[0].Transforms.Count > 0)
                {
                    builder.ChosenTransform = content.Proposals[0].Transforms[0];
                }
            }

            // IKEv1 carries the method in its proposals; IKEv2's comes from the AUTH payloads (Ikev2AuthenticationRecorder).
            if (!v2)
            {
                sa.AuthenticationMethod = AuthenticationMethodOf(sa.Chosen) ?? (sa.Proposals.Count > 0 ? AuthenticationMethodOf(sa.Proposals[0]) : null);
            }
            return;
        }

        // RFC 7296 §1.2: IKEv2's first CHILD_SA rides in IKE_AUTH (SA, TSi, TSr beside AUTH); later ones
        // in CREATE_CHILD_SA. IKEv1's come from Quick Mode.
        if (exchange.Kind is IkeExchangeKind.QuickMode or IkeExchangeKind.CreateChildSa or IkeExchangeKind.IkeAuth)
        {
            ChildSaNegotiation child = exchange.Kind == IkeExchangeKind.IkeAuth ? ChildOfIkeAuth(sa, exchange) : exchange.ChildSa ??= new ChildSaNegotiation();
            bool fromExchangeInitiator = message.FromInitiator == exchange.StartedByInitiator;
            foreach (SaProposal proposal in content.Proposals)
            {
                if (proposal.Spi.Length == 4)
                {
                    uint spi = BinaryPrimitives.ReadUInt32BigEndian(proposal.Spi);
                    List<uint> spis = fromExchangeInitiator ? child.InitiatorSpis : child.ResponderSpis;
                    if (!spis.Contains(spi))
                    {
                        spis.Add(spi);
                    }

                    if (!sa.ChildSpis.Contains(spi))
                    {
                        sa.ChildSpis.Add(spi);
                    }
                }
            }

            if (fromExchangeInitiator)
            {
                child.Offered.AddRange(named);
            }
            else
            {
                child.Chosen = named[0];
            }

            child.EncapsulationModeId = child.Chosen?.EncapsulationModeId ?? child.EncapsulationModeId ?? named[0].EncapsulationModeId;
        }
    }

    /// <summary>
    /// The one CHILD_SA IKE_AUTH creates, kept on the IKE_AUTH exchange that carried the initiator's
    /// offer: with EAP (RFC 7296 §2.16) IKE_AUTH takes several round trips, and the responder's SA,
    /// TSi and TSr come only in the last response, under another message ID.
    /// </summary>
    private static ChildSaNegotiation ChildOfIkeAuth(IkeSa sa, IkeExchange exchange)
    {
        foreach (IkeExchange earlier in sa.Exchanges)
        {
            if (earlier.Kind == IkeExchangeKind.IkeAuth && earlier.ChildSa is { } child && (child.Offered.Count > 0 || child.Chosen is not null))
            {
                return child;
            }
        }

        return exchange.ChildSa ??= new ChildSaNegotiation();
    }

    private static TransformValue? AuthenticationMethodOf(IkeProposal? proposal)
    {
        foreach (TransformValue value in proposal?.Algorithms ?? [])
        {
            if (value.Registry == TransformRegistry.V1AuthenticationMethod)
            {
                return value;
            }
        }

        return null;
    }

    private static void RecordVendorId(IkeSa sa, byte[] vid, bool fromInitiator)
    {
        string hex = Convert.ToHexStringLower(vid);
        string? name = VendorIds.TryMatch(vid, out VendorIdMatch match) ? match.Label : null;
        sa.VendorIds.Add(new VendorIdObservation(hex, name, Printable(vid), fromInitiator) { Features = match.Features, WindowsVersion = match.WindowsVersion });
        if ((match.Features & (VendorIdFeature.NatTraversalRfc | VendorIdFeature.NatTraversalDraft)) != 0)
        {
            if (fromInitiator)
            {
                sa.Nat.InitiatorSupportsNatT = true;
            }
            else
            {
                sa.Nat.ResponderSupportsNatT = true;
                sa.Nat.NatTVersion ??= match.Name;
            }
        }
    }

    private static void RecordV2NatDetection(SaBuilder builder, IkeMessage message, IsakmpHeader header, NotificationPayload notify, bool v2)
    {
        if (!v2 || notify.Type is not (NotifyTypes.V2NatDetectionSourceIp or NotifyTypes.V2NatDetectionDestinationIp))
        {
            return;
        }

        if (message.FromInitiator)
        {
            builder.Sa.Nat.InitiatorSupportsNatT = true;
        }
        else
        {
            builder.Sa.Nat.ResponderSupportsNatT = true;
            builder.Sa.Nat.NatTVersion ??= "RFC 7296";
        }

        bool source = notify.Type == NotifyTypes.V2NatDetectionSourceIp;
        builder.NatSamples.Add(new NatDiscoverySample(message.FromInitiator, header.InitiatorCookie, header.ResponderCookie, message.From, message.To,
            source ? [notify.Data] : [], source ? [] : [notify.Data]));
    }

    private static IkeNotifyDetail? Detail(NotificationPayload notify, bool v2)
    {
        ReadOnlySpan<byte> data = notify.Data;
        if (!v2 && notify.Type is NotifyTypes.V1DpdRuThere or NotifyTypes.V1DpdRuThereAck && data.Length == 4)
        {
            return new IkeNotifyDetail(IkeNotifyDetailKind.DpdSequence, BinaryPrimitives.ReadUInt32BigEndian(data));
        }

        if (v2 && notify.Type == NotifyTypes.V2InvalidKePayload && data.Length == 2)
        {
            return new IkeNotifyDetail(IkeNotifyDetailKind.AcceptedGroup, BinaryPrimitives.ReadUInt16BigEndian(data));
        }

        if (v2 && notify.Type == NotifyTypes.V2Redirect && data.Length >= 2 && data[1] <= data.Length - 2)
        {
            // RFC 5685 §4.2: GW Ident Type 1 is IPv4, 2 IPv6, 3 an FQDN.
            ReadOnlySpan<byte> gateway = data.Slice(2, data[1]);
            return data[0] switch
            {
                1 when gateway.Length == 4 => new IkeNotifyDetail(IkeNotifyDetailKind.Redirect, Gateway: Analyzer.Core.NetAddress.FromV4(gateway)),
                2 when gateway.Length == 16 => new IkeNotifyDetail(IkeNotifyDetailKind.Redirect, Gateway: Analyzer.Core.NetAddress.FromV6(gateway)),
                _ => new IkeNotifyDetail(IkeNotifyDetailKind.Redirect, GatewayName: Printable(gateway.ToArray())),
            };
        }

        return null;
    }

    /// <summary>The bytes as text when they are all printable ASCII (some vendors send names in clear), else null.</summary>
    private static string? Printable(byte[] bytes)
    {
        if (bytes.Length < 4)
        {
            return null;
        }

        foreach (byte b in bytes)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return null;
            }
        }

        return System.Text.Encoding.ASCII.GetString(bytes);
    }
}

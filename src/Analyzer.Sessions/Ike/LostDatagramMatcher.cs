using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// The one answer to "which IKE SA did this IP datagram that never completed belong to":
/// by the cookies in its first bytes when the first fragment arrived (UDP header, optional non-ESP
/// marker, ISAKMP header), else by the address pair, taking the latest SA between those peers that
/// had started by the first fragment (else the first one). The answer is stored on the SA
/// (<see cref="IkeSa.LostDatagrams"/>); facts and the report read it from there.
/// </summary>
public static class LostDatagramMatcher
{
    private const int CookieLength = 8;
    private const int ExchangeTypeOffset = 18;
    private const int VersionOffset = 17;
    private const byte UdpProtocol = 17;

    /// <summary>Ties the datagram to one of <paramref name="sas"/> (in capture order); false when it is not IKE or no SA fits.</summary>
    public static bool Attach(IncompleteIpDatagram datagram, IReadOnlyList<IkeSa> sas)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        ArgumentNullException.ThrowIfNull(sas);
        return Attach(datagram, sas, cookie => FirstWithCookie(sas, cookie));
    }

    /// <summary>As <see cref="Attach(IncompleteIpDatagram, IReadOnlyList{IkeSa})"/>, with the tracker's cookie lookup.</summary>
    internal static bool Attach(IncompleteIpDatagram datagram, IReadOnlyList<IkeSa> sas, Func<ulong, IkeSa?> byCookie)
    {
        if (datagram.Protocol != UdpProtocol || datagram.Fragments.Count == 0)
        {
            return false;
        }

        bool firstFragmentSeen = datagram.FirstBytes.Length > 0;
        if (firstFragmentSeen && !VpnPorts.IsIke(datagram.Source.Port, datagram.Destination.Port))
        {
            return false; // L2TP or other UDP between the peers
        }

        if (datagram.IsEspInUdp)
        {
            return false;
        }

        ReadOnlySpan<byte> isakmp = datagram.UdpPayloadStart;
        if (VpnPorts.IsNatTraversal(datagram.Source.Port, datagram.Destination.Port) && NonEspMarker.StartsWithMarker(isakmp))
        {
            isakmp = isakmp[NonEspMarker.Length..];
        }

        IkeSa? sa = null;
        bool byCookies = false;
        IkeExchangeKind kind = IkeExchangeKind.Unknown;
        if (isakmp.Length >= CookieLength)
        {
            sa = byCookie(BinaryPrimitives.ReadUInt64BigEndian(isakmp));
            if (sa is null)
            {
                return false; // the first fragment names an SA this capture never showed
            }

            byCookies = true;
        }

        if (isakmp.Length > ExchangeTypeOffset)
        {
            bool v2 = (isakmp[VersionOffset] >> 4) == 2;
            kind = ExchangeKinds.From((ExchangeType)isakmp[ExchangeTypeOffset], v2);
        }

        sa ??= ByAddresses(datagram, sas);
        if (sa is null)
        {
            return false;
        }

        bool fromInitiator = sa.IsFromInitiator(datagram.Source);
        long firstFrame = datagram.Fragments[0].Frame;
        sa.LostDatagrams.Add(new IkeLostDatagram(datagram, fromInitiator, byCookies, kind, ProbableMessage(sa, kind, fromInitiator, firstFrame)));
        return true;
    }

    private static IkeSa? FirstWithCookie(IReadOnlyList<IkeSa> sas, ulong cookie)
    {
        foreach (IkeSa sa in sas)
        {
            if (sa.InitiatorCookie == cookie)
            {
                return sa;
            }
        }

        return null;
    }

    private static IkeSa? ByAddresses(IncompleteIpDatagram datagram, IReadOnlyList<IkeSa> sas)
    {
        FrameRef first = datagram.Fragments[0];
        IkeSa? earliest = null;
        for (int i = sas.Count - 1; i >= 0; i--)
        {
            IkeSa candidate = sas[i];
            if (!IsBetween(candidate, datagram.Source.Address, datagram.Destination.Address))
            {
                continue;
            }

            if (candidate.Messages.Count > 0 && candidate.FirstFrame.Frame <= first.Frame)
            {
                return candidate;
            }

            earliest = candidate;
        }

        return earliest;
    }

    private static bool IsBetween(IkeSa sa, NetAddress a, NetAddress b) =>
        (sa.Initiator.Address == a && sa.Responder.Address == b) || (sa.Responder.Address == a && sa.Initiator.Address == b);

    /// <summary>The next message number the sender would have sent in that exchange, judged from what it sent before.</summary>
    private static int? ProbableMessage(IkeSa sa, IkeExchangeKind kind, bool fromInitiator, long beforeFrame)
    {
        if (kind == IkeExchangeKind.Unknown)
        {
            return null;
        }

        int highest = 0;
        foreach (IkeMessage message in sa.Messages)
        {
            if (message.Exchange == kind && message.Frame.Frame < beforeFrame)
            {
                highest = Math.Max(highest, message.Number);
            }
        }

        if (sa.Version == 2)
        {
            return fromInitiator ? 1 : 2;
        }

        int next = highest + 1;
        bool nextIsInitiators = next % 2 == 1;
        return nextIsInitiators == fromInitiator ? next : next + 1;
    }
}

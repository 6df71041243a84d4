using System.Buffers.Binary;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// Ties an IP datagram that never completed to the IKE SA it belonged to: by the cookies in its
/// first bytes when the first fragment arrived (UDP header, optional non-ESP marker, ISAKMP header),
/// else by the address pair, taking the latest SA between those peers.
/// </summary>
internal static class LostDatagramMatcher
{
    private const int UdpHeaderLength = 8;
    private const int NonEspMarkerLength = 4;
    private const int ExchangeTypeOffset = 18;
    private const int FlagsOffset = 19;
    private const byte UdpProtocol = 17;
    private const ushort NatTPort = 4500;

    public static void Attach(IncompleteIpDatagram datagram, Dictionary<(int Version, ulong Cookie), SaBuilder> byCookie, List<SaBuilder> order)
    {
        if (datagram.Protocol != UdpProtocol)
        {
            return;
        }

        ReadOnlySpan<byte> bytes = datagram.FirstBytes;
        SaBuilder? builder = null;
        bool byCookies = false;
        IkeExchangeKind kind = IkeExchangeKind.Unknown;
        if (bytes.Length >= UdpHeaderLength)
        {
            ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(bytes);
            ushort destinationPort = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
            ReadOnlySpan<byte> isakmp = bytes[UdpHeaderLength..];
            if ((sourcePort == NatTPort || destinationPort == NatTPort) && isakmp.Length >= NonEspMarkerLength)
            {
                if (BinaryPrimitives.ReadUInt32BigEndian(isakmp) != 0)
                {
                    return; // ESP in UDP, not IKE
                }

                isakmp = isakmp[NonEspMarkerLength..];
            }

            if (isakmp.Length >= 8)
            {
                ulong cookie = BinaryPrimitives.ReadUInt64BigEndian(isakmp);
                if (byCookie.TryGetValue((1, cookie), out builder) || byCookie.TryGetValue((2, cookie), out builder))
                {
                    byCookies = true;
                }
            }

            if (isakmp.Length > FlagsOffset)
            {
                bool v2 = (isakmp[17] >> 4) == 2;
                kind = ExchangeKinds.From((ExchangeType)isakmp[ExchangeTypeOffset], v2);
            }
        }

        if (builder is null)
        {
            for (int i = order.Count - 1; i >= 0; i--)
            {
                IkeSa candidate = order[i].Sa;
                bool forward = candidate.Initiator.Address == datagram.Source.Address && candidate.Responder.Address == datagram.Destination.Address;
                bool backward = candidate.Responder.Address == datagram.Source.Address && candidate.Initiator.Address == datagram.Destination.Address;
                if (forward || backward)
                {
                    builder = order[i];
                    break;
                }
            }
        }

        if (builder is null)
        {
            return;
        }

        IkeSa sa = builder.Sa;
        bool fromInitiator = builder.IsFromInitiator(datagram.Source);
        long firstFrame = datagram.Fragments.Count > 0 ? datagram.Fragments[0].Frame : long.MaxValue;
        sa.LostDatagrams.Add(new IkeLostDatagram(datagram, fromInitiator, byCookies, kind, ProbableMessage(sa, kind, fromInitiator, firstFrame)));
    }

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

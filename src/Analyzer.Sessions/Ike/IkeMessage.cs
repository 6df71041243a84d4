using Analyzer.Core;
using Analyzer.Protocols.Ike;

namespace Analyzer.Sessions.Ike;

/// <summary>One captured IKE datagram (each retransmission and each IKE-level fragment is its own message).</summary>
public sealed class IkeMessage
{
    public required FrameRef Frame { get; init; }

    public required NetEndpoint From { get; init; }

    public required NetEndpoint To { get; init; }

    /// <summary>True when sent by the SA's initiator.</summary>
    public bool FromInitiator { get; init; }

    public required IkeExchangeKind Exchange { get; init; }

    /// <summary>The exchange type number as on the wire (named in reports even when unknown).</summary>
    public byte ExchangeType { get; init; }

    public uint MessageId { get; init; }

    /// <summary>Position in its exchange: MM1..MM6, AM1..AM3, QM1..QM4; 0 where not applicable.</summary>
    public int Number { get; set; }

    /// <summary>Payload types in chain order, as tshark lists them; named only in reports (<c>PayloadNames</c>).</summary>
    public IReadOnlyList<PayloadType> Payloads { get; init; } = [];

    public bool Encrypted { get; init; }

    /// <summary>Decrypted with a key from --ike-keys: <see cref="Payloads"/> then lists the inner payloads.</summary>
    public bool Decrypted { get; set; }

    public bool Retransmission { get; set; }

    /// <summary>Set for IKE-level fragments (IKEv1 payload 132, IKEv2 SKF).</summary>
    public IkeFragmentInfo? Fragment { get; init; }

    /// <summary>IP fragments this datagram was sent in (1 = not fragmented).</summary>
    public int IpFragments { get; init; } = 1;

    /// <summary>IPv4 TTL or IPv6 hop limit as captured: a sender's initial value (64, 128, 255) where it was captured on the sender, lower past each router.</summary>
    public byte HopLimit { get; init; }

    /// <summary>ISAKMP header length field.</summary>
    public int Length { get; init; }

    /// <summary>Hash of the IKE message bytes: pairs the same message across two captures and tells retransmissions apart.</summary>
    public ulong ContentHash { get; init; }

    /// <summary>Notify message types carried (clear or decrypted).</summary>
    public List<IkeNotifyObservation> Notifies { get; init; } = [];

    /// <summary>True on UDP 4500 with the non-ESP marker.</summary>
    public bool NatTraversal { get; init; }
}

public sealed record IkeFragmentInfo(int Index, bool Last);

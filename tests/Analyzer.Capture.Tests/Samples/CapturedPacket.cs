namespace Analyzer.Capture.Tests.Samples;

/// <summary>One frame of a lab capture as tshark (the dissection oracle) reports it.</summary>
internal sealed record CapturedPacket(
    int Number,
    double Time,
    string Source,
    string Destination,
    int IpProtocol,
    int SourcePort,
    int DestinationPort,
    bool MoreFragments,
    int FragmentOffset,
    string InitiatorCookie,
    string ResponderCookie,
    int ExchangeType,
    int IsakmpFlags,
    IReadOnlyList<int> Payloads,
    IReadOnlyList<int> Notifies,
    string EspSpi,
    IReadOnlyList<int> L2tpMessageTypes,
    IReadOnlyList<int> EncryptionAlgorithms,
    IReadOnlyList<int> HashAlgorithms,
    IReadOnlyList<int> DhGroups,
    IReadOnlyList<string> NatDetectionHashes,
    string Identity,
    bool Malformed,
    string L2tpTunnel)
{
    public const string Server = "203.0.113.10";

    public bool IsIsakmp => ExchangeType >= 0;

    public bool IsEsp => EspSpi.Length > 0;

    public bool IsEncrypted => (IsakmpFlags & 0x01) != 0;

    public bool FromServer => Source == Server;

    public bool ToServer => Destination == Server;

    public bool IsL2tp => L2tpTunnel.Length > 0;

    public bool IsIpFragment => MoreFragments || FragmentOffset > 0;
}

using System.Text.Json.Serialization;

namespace Analyzer.Reporting.Document;

/// <summary>One captured IKE datagram; retransmissions and IKE fragments are their own entries.</summary>
public sealed record ReportIkeMessage
{
    public required long Frame { get; init; }

    public required string Time { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required bool FromInitiator { get; init; }

    /// <summary>"main-mode", "quick-mode", "informational", "ike-sa-init"... ("unknown" with <see cref="ExchangeType"/> kept).</summary>
    public required string Exchange { get; init; }

    public int ExchangeType { get; init; }

    public required long MessageId { get; init; }

    /// <summary>Position in its exchange (MM1..MM6, AM1..AM3, QM1..QM4); 0 where not applicable.</summary>
    public int Number { get; init; }

    /// <summary>Payload names as tshark lists them, in chain order.</summary>
    public IReadOnlyList<string> Payloads { get; init; } = [];

    /// <summary>The same payloads as their wire numbers, so renderers label them from the registry (never from the names).</summary>
    public IReadOnlyList<int> PayloadTypes { get; init; } = [];

    public bool Encrypted { get; init; }

    public bool Decrypted { get; init; }

    public bool Retransmission { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportIkeFragment? Fragment { get; init; }

    public int IpFragments { get; init; } = 1;

    public int Length { get; init; }

    public bool NatTraversal { get; init; }

    /// <summary>Names of the notifies carried.</summary>
    public IReadOnlyList<string> Notifies { get; init; } = [];
}

public sealed record ReportIkeFragment(int Index, bool Last);

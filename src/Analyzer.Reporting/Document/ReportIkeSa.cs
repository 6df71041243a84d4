namespace Analyzer.Reporting.Document;

/// <summary>One IKE SA as one capture saw it: peers, what each side said, and where it stopped.</summary>
public sealed record ReportIkeSa
{
    /// <summary>The capture it was seen in.</summary>
    public required string Input { get; init; }

    public required int Version { get; init; }

    /// <summary>16 hex digits, as Wireshark shows isakmp.ispi.</summary>
    public required string InitiatorCookie { get; init; }

    public required string ResponderCookie { get; init; }

    public required string Initiator { get; init; }

    public required string Responder { get; init; }

    /// <summary>Phase 1 exchange: "main-mode", "aggressive-mode", "ike-sa-init".</summary>
    public required string Exchange { get; init; }

    /// <summary>"negotiating", "no-response", "failed", "established", "deleted".</summary>
    public required string State { get; init; }

    public string? AuthenticationMethod { get; init; }

    public bool Decrypted { get; init; }

    /// <summary>The key file the decryption key came from (its name only; a key never appears in a report).</summary>
    public string? DecryptedWithKeyFrom { get; init; }

    public required ReportNat Nat { get; init; }

    public IReadOnlyList<ReportVendorId> VendorIds { get; init; } = [];

    public IReadOnlyList<ReportProposal> Proposals { get; init; } = [];

    public ReportProposal? Chosen { get; init; }

    public IReadOnlyList<ReportIdentity> Identities { get; init; } = [];

    public IReadOnlyList<ReportCertificate> Certificates { get; init; } = [];

    public IReadOnlyList<ReportCertificateRequest> CertificateRequests { get; init; } = [];

    public IReadOnlyList<ReportNotify> Notifies { get; init; } = [];

    public IReadOnlyList<ReportDelete> Deletes { get; init; } = [];

    public IReadOnlyList<ReportAnomaly> Anomalies { get; init; } = [];

    public IReadOnlyList<ReportIkeExchange> Exchanges { get; init; } = [];

    /// <summary>"0x…" SPIs of ESP SAs tied to this IKE SA.</summary>
    public IReadOnlyList<string> ChildSpis { get; init; } = [];

    /// <summary>IP datagrams between the peers whose fragments never all arrived (lost IKE fragments).</summary>
    public IReadOnlyList<ReportIncompleteDatagram> IncompleteDatagrams { get; init; } = [];

    public IReadOnlyList<ReportIkeMessage> Messages { get; init; } = [];

    /// <summary>Messages between the first and the latest ones listed, seen but not listed (a very long SA).</summary>
    public long MessagesNotListed { get; init; }
}

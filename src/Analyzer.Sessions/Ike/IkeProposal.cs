namespace Analyzer.Sessions.Ike;

/// <summary>One proposal's transform as offered or chosen, attributes named (RFC 2409 appendix A, RFC 2407 §4.5).</summary>
public sealed record IkeProposal(
    int ProposalNumber,
    int TransformNumber,
    string Protocol,
    string? Encryption,
    int? KeyLength,
    string? Hash,
    string? Authentication,
    string? DhGroup,
    string? Prf,
    long? LifetimeSeconds,
    string? EncapsulationMode)
{
    /// <summary>Every attribute as (name, value), for the report.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>"3DES-CBC/SHA1/PSK/modp1024" style one-liner.</summary>
    public string Summary =>
        string.Join('/', new[] { Encryption is null ? null : KeyLength is int k ? $"{Encryption}-{k}" : Encryption, Hash ?? Prf, Authentication, DhGroup, EncapsulationMode }
            .Where(part => part is not null));
}

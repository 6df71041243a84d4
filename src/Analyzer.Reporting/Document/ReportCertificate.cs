namespace Analyzer.Reporting.Document;

public sealed record ReportCertificate
{
    public required long Frame { get; init; }

    public required string From { get; init; }

    public required string Encoding { get; init; }

    public string? Subject { get; init; }

    public string? Issuer { get; init; }

    public string? NotBefore { get; init; }

    public string? NotAfter { get; init; }

    public int? KeySizeBits { get; init; }

    public string? SerialNumber { get; init; }

    public string? Error { get; init; }
}

/// <summary>A CERTREQ: the CA asked for (null: any CA).</summary>
public sealed record ReportCertificateRequest(long Frame, string From, string Encoding, string? CertificateAuthority);

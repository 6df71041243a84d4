namespace Analyzer.Reporting.Document;

public sealed record IkeReport
{
    public IReadOnlyList<ReportIkeSa> Sas { get; init; } = [];

    /// <summary>SAs reconstructed but not listed in <see cref="Sas"/> (0 unless the case had more than the report lists).</summary>
    public long SasNotListed { get; init; }
}

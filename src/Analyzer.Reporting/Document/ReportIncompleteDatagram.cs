namespace Analyzer.Reporting.Document;

/// <summary>An IP datagram some fragments of which never arrived: frames that did, bytes received, total if known.</summary>
public sealed record ReportIncompleteDatagram(
    string From,
    string To,
    int Protocol,
    int Identification,
    IReadOnlyList<long> Frames,
    string Time,
    long ReceivedBytes,
    int? TotalLength);

namespace Analyzer.Correlation.Events;

/// <summary>How far one log's clock is from the capture's, estimated from correlated pairs (median, robust to outliers).</summary>
public sealed record LogClockOffset(int LogInputIndex, int CaptureInputIndex, double OffsetSeconds, int Pairs);

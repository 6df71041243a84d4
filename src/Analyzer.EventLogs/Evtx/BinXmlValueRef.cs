namespace Analyzer.EventLogs.Evtx;

/// <summary>Where one template substitution value lies in the chunk, and its declared type.</summary>
internal readonly record struct BinXmlValueRef(int Offset, int Size, BinXmlValueType Type);

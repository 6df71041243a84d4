namespace Analyzer.Cli.Tests.Hostile;

/// <summary>Where a length field sits in a file: offset, width in bytes, byte order.</summary>
internal readonly record struct LengthField(int Offset, int Width, bool BigEndian);

namespace Analyzer.EventLogs.Xml;

/// <summary>
/// The first place a <see cref="XmlCutKind"/> of cut happened: <see cref="Line"/> in the file, and the
/// line and column in the text the parser saw (so the reader can tell when its nodes have passed it).
/// </summary>
internal readonly record struct XmlCut(XmlCutKind Kind, long Line, int OutputLine, long OutputColumn);

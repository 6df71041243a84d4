namespace Analyzer.Core;

public enum DiagnosticSeverity : byte
{
    Info,
    Warning,
    Error,
}

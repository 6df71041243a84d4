using System.Globalization;
using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>
/// <see cref="AnalysisLimits.MaxStringLength"/> for one log file: values are cut to it, and the first
/// cut becomes one warning naming where it happened (a file of huge values would otherwise bury the
/// report in identical lines). Readers that work in parallel pieces (EVTX chunks) keep one per piece
/// and merge with <see cref="IsNotice"/>.
/// </summary>
internal sealed class StringLimit(AnalysisInput input, AnalysisLimits limits)
{
    private const string MessageStart = "a value longer than ";
    private bool _reported;

    public int Max => limits.MaxStringLength;

    public string Cut(string value, long? offset, long? record, List<InputDiagnostic> diagnostics, string? where = null)
    {
        if (value.Length <= Max)
        {
            return value;
        }

        Reached(offset, record, diagnostics, where);
        return value[..Max];
    }

    /// <summary>Reports the limit the first time it cuts something in this file.</summary>
    /// <param name="where">Position in words when the file has no byte offset (" at line 12").</param>
    public void Reached(long? offset, long? record, List<InputDiagnostic> diagnostics, string? where = null)
    {
        if (_reported)
        {
            return;
        }

        _reported = true;
        diagnostics.Add(new InputDiagnostic(input.DisplayName, offset, record, string.Create(CultureInfo.InvariantCulture,
            $"{MessageStart}{limits.MaxStringLength} characters{where} was cut to that length; later cuts in this file are not reported")));
    }

    public static bool IsNotice(InputDiagnostic diagnostic) => diagnostic.Message.StartsWith(MessageStart, StringComparison.Ordinal);
}

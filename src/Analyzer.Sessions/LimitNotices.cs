using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Sessions;

/// <summary>
/// Limits reached and peer strings cut in one capture, each kind reported once as a warning naming
/// the capture and the first frame where it happened: a capture full of long names or oversized
/// messages would otherwise bury the report in identical lines (the log readers' StringLimit does the
/// same per file). One instance is shared by every tracker of a capture; each tracker's
/// <c>Complete</c> moves what is pending into the model, so nothing is listed twice.
/// </summary>
internal sealed class LimitNotices(AnalysisInput input, AnalysisLimits limits)
{
    private readonly List<InputDiagnostic> _pending = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public AnalysisLimits Limits => limits;

    /// <summary>
    /// A string from the wire was longer than <see cref="AnalysisLimits.MaxStringLength"/> and was cut.
    /// Callers only come here when the decoder said it cut, so the common path costs nothing.
    /// </summary>
    /// <param name="what">The kind of string with its article ("an IKE identity"): the key of "once".</param>
    public void TextCut(string what, FrameRef frame)
    {
        if (_reported.Add(what))
        {
            _pending.Add(new InputDiagnostic(input.DisplayName, null, frame.Frame, string.Create(CultureInfo.InvariantCulture,
                $"{what} longer than {limits.MaxStringLength} characters was cut to that length; later cuts of this kind in this capture are not reported")));
        }
    }

    /// <summary>A limit was reached at <paramref name="frame"/>; <paramref name="message"/> is built only the first time.</summary>
    /// <param name="kind">The key of "once" for this limit.</param>
    public void Reached<TState>(string kind, FrameRef frame, TState state, Func<TState, string> message)
    {
        if (_reported.Add(kind))
        {
            _pending.Add(new InputDiagnostic(input.DisplayName, null, frame.Frame, message(state)));
        }
    }

    /// <summary>Moves the notices not yet handed over into <paramref name="diagnostics"/>.</summary>
    public void MoveTo(List<InputDiagnostic> diagnostics)
    {
        diagnostics.AddRange(_pending);
        _pending.Clear();
    }
}

using Analyzer.Core;

namespace Analyzer.Pipeline.Inputs;

/// <summary>
/// The evidence of one ticket: every supported file of a directory or zip, or the files named on
/// the command line. One bundle gives one report.
/// </summary>
public sealed class TicketBundle : IDisposable
{
    private readonly string? _temporaryDirectory;

    public TicketBundle(string name, IReadOnlyList<AnalysisInput> inputs, IReadOnlyList<InputDiagnostic> diagnostics, string? temporaryDirectory = null)
    {
        Name = name;
        Inputs = inputs;
        Diagnostics = diagnostics;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>The directory or zip as given, or "command line" for loose files.</summary>
    public string Name { get; }

    public IReadOnlyList<AnalysisInput> Inputs { get; }

    /// <summary>Files skipped while collecting (unsupported, refused zip entries).</summary>
    public IReadOnlyList<InputDiagnostic> Diagnostics { get; }

    public void Dispose()
    {
        if (_temporaryDirectory is not null && Directory.Exists(_temporaryDirectory))
        {
            try
            {
                Directory.Delete(_temporaryDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless; the analysis result is not affected.
            }
        }
    }
}

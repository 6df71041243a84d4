using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Reporting.Redaction;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Building;

/// <summary>
/// What every section builder reads: the case, its diagnosis, the options, how inputs are named, and
/// <see cref="Values"/>, through which every value from the inputs becomes report text (pseudonyms with --redact).
/// </summary>
internal sealed class BuildContext
{
    private readonly HashSet<IkeSa>? _listedSas;

    public BuildContext(Case @case, DiagnosisResult diagnosis, ReportOptions options)
    {
        Case = @case;
        Diagnosis = diagnosis;
        Options = options;
        if (options.Redact)
        {
            Pseudonyms = new Pseudonymiser();
            ModelSecrets.Learn(@case, Pseudonyms);
        }

        Values = new ReportValues(Pseudonyms);
        foreach (Finding finding in diagnosis.Findings)
        {
            foreach (Evidence evidence in finding.Evidence)
            {
                if (evidence.Frame is long frame)
                {
                    CitedFrames.Add((evidence.InputIndex, frame));
                }

                if (evidence.Record is long record)
                {
                    CitedRecords.Add((evidence.InputIndex, record));
                }
            }
        }

        int sas = @case.Captures.Sum(c => c.IkeSas.Count);
        if (sas > options.MaxIkeSasListed)
        {
            _listedSas = SaSelection.Select(@case, CitedFrames, options.MaxIkeSasListed);
            SasNotListed = sas - _listedSas.Count;
        }
    }

    public Case Case { get; }

    public DiagnosisResult Diagnosis { get; }

    public ReportOptions Options { get; }

    /// <summary>Spells input values: plainly, or as pseudonyms when redacting.</summary>
    public ReportValues Values { get; }

    /// <summary>The pseudonymiser when redacting (its leak check goes with the document), else null.</summary>
    public Pseudonymiser? Pseudonyms { get; }

    /// <summary>Frames the findings cite, by input index.</summary>
    public HashSet<(int Input, long Frame)> CitedFrames { get; } = [];

    /// <summary>Log records the findings cite, by input index.</summary>
    public HashSet<(int Input, long Record)> CitedRecords { get; } = [];

    /// <summary>IKE SAs left out of the report (past <see cref="ReportOptions.MaxIkeSasListed"/>).</summary>
    public long SasNotListed { get; }

    /// <summary>Whether the report lists this SA (and its messages in the timeline).</summary>
    public bool IsListed(IkeSa sa) => _listedSas?.Contains(sa) ?? true;

    /// <summary>The input's name as the report shows it (scrubbed when redacting); "input N" for an index no input has.</summary>
    public string InputName(int index)
    {
        // Indexed, not foreach: called for every frame the attempts cite, and the interface's enumerator is boxed.
        IReadOnlyList<AnalysisInput> inputs = Case.Inputs;
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Index == index)
            {
                return Values.Text(inputs[i].DisplayName);
            }
        }

        return "input " + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

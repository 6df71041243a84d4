using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Diagnosis;

namespace Analyzer.Reporting.Building;

/// <summary>What every section builder reads: the case, its diagnosis, and how inputs are named.</summary>
internal sealed class BuildContext(Case @case, DiagnosisResult diagnosis)
{
    public Case Case { get; } = @case;

    public DiagnosisResult Diagnosis { get; } = diagnosis;

    /// <summary>The input's name as the report shows it; "input N" for an index no input has.</summary>
    public string InputName(int index)
    {
        foreach (AnalysisInput input in Case.Inputs)
        {
            if (input.Index == index)
            {
                return input.DisplayName;
            }
        }

        return "input " + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

using Analyzer.Reporting.Json;
using Analyzer.Reporting.Tests.Fixtures;
using Analyzer.Testing;
using NJsonSchema;

namespace Analyzer.Reporting.Tests;

/// <summary>Reports validate against docs/report.schema.json (draft 2020-12), which is strict: an undocumented field fails.</summary>
public sealed class ReportJsonSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>
    /// NJsonSchema resolves references into draft-07 "definitions" but not into 2020-12 "$defs";
    /// the schema uses no other 2020-12-only keyword, so renaming the container is the whole adaptation.
    /// </summary>
    private static JsonSchema Load()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Docs, "report.schema.json"));
        Assert.Contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"", text, StringComparison.Ordinal);
        text = text.Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    internal static void AssertValid(ReportDocument document)
    {
        string json = JsonReportWriter.ToJson(document);
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Path + ": " + e.Kind + " " + e.Property)));
    }

    [Fact]
    public void Report_of_real_ikev1_and_esp_captures_validates_against_the_schema() =>
        AssertValid(TestReports.Real());

    [Fact]
    public void Report_with_every_section_filled_validates_against_the_schema() =>
        AssertValid(TestReports.Synthetic());

    [Fact]
    public void Report_of_hostile_input_validates_against_the_schema() =>
        AssertValid(TestReports.Synthetic(hostile: true));

    [Fact]
    public void Redacted_report_validates_against_the_schema() =>
        AssertValid(TestReports.Synthetic(redact: true));

    [Fact]
    public void Report_of_an_empty_case_validates_against_the_schema() =>
        AssertValid(ReportBuilder.Build(new Correlation.Case { Inputs = [] }, new Diagnosis.DiagnosisResult(), TestReports.Options()));

    [Fact]
    public void Schema_rejects_a_report_with_an_undocumented_field()
    {
        string json = JsonReportWriter.ToJson(TestReports.Synthetic()).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 1, \"surprise\": true", StringComparison.Ordinal);
        Assert.NotEmpty(Schema.Value.Validate(json));
    }

    [Fact]
    public void Schema_rejects_a_frame_number_of_zero()
    {
        string json = JsonReportWriter.ToJson(TestReports.Synthetic());
        int at = json.IndexOf("\"frame\": 1,", StringComparison.Ordinal);
        Assert.True(at > 0);
        string broken = string.Concat(json.AsSpan(0, at), "\"frame\": 0,", json.AsSpan(at + "\"frame\": 1,".Length));
        Assert.NotEmpty(Schema.Value.Validate(broken));
    }
}

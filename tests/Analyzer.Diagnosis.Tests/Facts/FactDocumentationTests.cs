using System.Reflection;
using Analyzer.Diagnosis.Facts;
using Analyzer.Diagnosis.Rules;
using Analyzer.Testing;

namespace Analyzer.Diagnosis.Tests.Facts;

public sealed class FactDocumentationTests
{
    [Fact]
    public void Every_fact_of_every_subject_is_documented_in_docs_rules_md()
    {
        string docs = File.ReadAllText(Path.Combine(RepoPaths.Docs, "rules.md"));
        foreach ((string subject, Type type) in FactSubjects.Types)
        {
            Assert.Contains($"`{subject}`", docs, StringComparison.Ordinal);
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.True(docs.Contains($"`{property.Name}`", StringComparison.Ordinal), $"{type.Name}.{property.Name} is not documented in docs/rules.md");
            }
        }
    }

    [Theory]
    [InlineData("Vendors.Any(it.Contains(\"Microsoft\"))", true)]
    [InlineData("Vendors.Contains(\"DPD\")", false)]
    [InlineData("WeakOffered.Count() > 1", false)]
    [InlineData("Initiator.StartsWith(\"198.51.100.\") && !Established", true)]
    [InlineData("iif(NatDetected, 1, 2) == 2", true)]
    public void Documented_expression_forms_compile_and_evaluate(string condition, bool expected)
    {
        var sa = new SaFacts { Vendors = ["MS NT5 ISAKMPOAKLEY", "Microsoft Windows 8"], WeakOffered = ["DES-CBC"], Initiator = "198.51.100.10:500" };
        Assert.Equal(expected, FactExpressions.Predicate(typeof(SaFacts), condition)(sa));
    }

    [Fact]
    public void Event_data_helper_is_callable_from_a_condition()
    {
        var record = new Analyzer.EventLogs.EventRecord { InputIndex = 0, RecordId = 1, Data = [new("ReasonCode", "21")] };
        var facts = new EventFacts { Record = record };
        Assert.True(FactExpressions.Predicate(typeof(EventFacts), "Data(\"ReasonCode\") == \"21\"")(facts));
    }

    [Fact]
    public void Creating_arbitrary_objects_is_not_allowed_in_a_condition()
    {
        Assert.ThrowsAny<Exception>(() => FactExpressions.Predicate(typeof(SaFacts), "new System.IO.FileInfo(\"/etc/passwd\").Exists"));
    }

    [Fact]
    public void System_enumerations_are_not_looked_up_in_a_condition()
    {
        Assert.ThrowsAny<Exception>(() => FactExpressions.Predicate(typeof(SaFacts), "Initiator.Equals(\"x\", StringComparison.OrdinalIgnoreCase)"));
        Assert.ThrowsAny<Exception>(() => FactExpressions.Predicate(typeof(SaFacts), "DayOfWeek.Monday == DayOfWeek.Monday"));
    }
}

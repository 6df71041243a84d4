using System.Linq.Expressions;
using System.Reflection;
using Analyzer.Diagnosis.Facts;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>
/// A template hole that only names a fact property is bound without the parser; these tests hold
/// that shortcut to what the parser itself would bind, for every property of every fact type.
/// </summary>
public sealed class FactExpressionBindingTests
{
    public static TheoryData<string> FactTypes() => [.. FactSubjects.Types.Keys];

    [Theory]
    [MemberData(nameof(FactTypes))]
    public void A_bare_property_name_binds_to_the_member_the_parser_binds(string subject)
    {
        Type factType = FactSubjects.Types[subject];
        int bound = 0;
        foreach (PropertyInfo property in factType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            PropertyInfo? direct = FactExpressions.PropertyNamed(factType, property.Name);
            if (direct is null)
            {
                continue;
            }

            LambdaExpression parsed = FactExpressions.Parse(factType, property.Name, resultType: null);
            MemberExpression parsedMember = Assert.IsAssignableFrom<MemberExpression>(parsed.Body);
            Assert.True(parsedMember.Member.HasSameMetadataDefinitionAs(direct), $"{factType.Name}.{property.Name}: the parser binds {parsedMember.Member}, the shortcut {direct}");
            Assert.Equal(parsed.ReturnType, direct.PropertyType);
            bound++;
        }

        Assert.True(bound > 0, $"{factType.Name} has no property the shortcut binds");
    }

    [Theory]
    [InlineData("Initiator.Length")]
    [InlineData("initiator")]
    [InlineData("Established == false")]
    [InlineData("NoSuchFact")]
    [InlineData("")]
    public void Anything_but_an_existing_property_name_is_left_to_the_parser(string expression)
    {
        Assert.Null(FactExpressions.PropertyNamed(typeof(SaFacts), expression));
    }

    [Fact]
    public void A_method_of_the_fact_type_is_left_to_the_parser()
    {
        Assert.Null(FactExpressions.PropertyNamed(typeof(EventFacts), "Data"));
    }

    [Fact]
    public void An_expression_used_by_several_rules_is_compiled_once_per_fact_type()
    {
        Assert.Same(FactExpressions.Value(typeof(SaFacts), "Initiator"), FactExpressions.Value(typeof(SaFacts), "Initiator"));
        Assert.Same(FactExpressions.Predicate(typeof(SaFacts), "!Established"), FactExpressions.Predicate(typeof(SaFacts), "!Established"));
        Assert.NotSame(FactExpressions.Value(typeof(SaFacts), "Initiator"), FactExpressions.Value(typeof(TunnelFacts), "Client"));
    }

    [Fact]
    public void A_bound_property_reads_the_row_like_the_parsed_expression()
    {
        var sa = new SaFacts { Initiator = "198.51.100.10:500", Vendors = ["MS NT5 ISAKMPOAKLEY"] };
        Assert.Equal("198.51.100.10:500", FactExpressions.Value(typeof(SaFacts), "Initiator")(sa));
        Assert.Equal(FactExpressions.Value(typeof(SaFacts), "Vendors.ToList()")(sa), FactExpressions.Value(typeof(SaFacts), "Vendors")(sa));
    }
}

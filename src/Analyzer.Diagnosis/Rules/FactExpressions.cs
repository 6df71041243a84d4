using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using Analyzer.Diagnosis.Facts;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// Compiles rule expressions with System.Linq.Dynamic.Core against a fact type, once per rule.
/// Fact types are registered as custom types so their helper methods (EventFacts.Data) may be called;
/// nothing else is reachable beyond the library's predefined types.
/// </summary>
internal static class FactExpressions
{
    private static readonly ParsingConfig Config = CreateConfig();

    public static Func<object, bool> Predicate(Type factType, string expression)
    {
        LambdaExpression lambda = DynamicExpressionParser.ParseLambda(Config, factType, typeof(bool), expression);
        return Wrap<bool>(factType, lambda);
    }

    public static Func<object, object?> Value(Type factType, string expression)
    {
        LambdaExpression lambda = DynamicExpressionParser.ParseLambda(Config, factType, null, expression);
        return Wrap<object?>(factType, lambda);
    }

    private static Func<object, T> Wrap<T>(Type factType, LambdaExpression lambda)
    {
        ParameterExpression row = Expression.Parameter(typeof(object), "row");
        Expression body = Expression.Invoke(lambda, Expression.Convert(row, factType));
        if (body.Type != typeof(T))
        {
            body = Expression.Convert(body, typeof(T));
        }

        return Expression.Lambda<Func<object, T>>(body, row).Compile();
    }

    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig
        {
            AllowNewToEvaluateAnyType = false,
            IsCaseSensitive = true,
            AllowEqualsAndToStringMethodsOnObject = true,
            LoadAdditionalAssembliesFromCurrentDomainBaseDirectory = false,
        };
        config.CustomTypeProvider = new FactTypeProvider(FactSubjects.Types.Values);
        return config;
    }
}

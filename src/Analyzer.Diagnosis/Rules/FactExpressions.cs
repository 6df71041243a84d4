using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using System.Reflection;
using Analyzer.Diagnosis.Facts;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// Compiles rule expressions with System.Linq.Dynamic.Core against a fact type, once per rule.
/// Fact types are registered as custom types so their helper methods (EventFacts.Data) may be called;
/// nothing else is reachable beyond the library's predefined types.
/// </summary>
/// <remarks>
/// Each parse builds a new parser, and its set-up reflects over <c>Enumerable</c> and <c>Queryable</c>:
/// under Native AOT that is most of a parse's cost, and the catalogue's templates hold about 290 holes.
/// Two things keep the count down (docs/performance.md): an expression is compiled once per fact
/// type however many rules use it, and a hole that only names a property of the fact type (five in
/// six: <c>{Initiator}</c>) is read by its property's getter, the member the parser binds it to
/// (<c>FactExpressionBindingTests</c> holds the two to the same member for every fact property).
/// </remarks>
internal static class FactExpressions
{
    private static readonly ParsingConfig Config = CreateConfig();
    private static readonly ConcurrentDictionary<(Type FactType, string Expression, bool Predicate), Delegate> Compiled = new();
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Properties = new();

    public static Func<object, bool> Predicate(Type factType, string expression) =>
        (Func<object, bool>)Compiled.GetOrAdd((factType, expression, true), static key =>
            Wrap<bool>(key.FactType, Parse(key.FactType, key.Expression, typeof(bool)), interpret: false));

    public static Func<object, object?> Value(Type factType, string expression) =>
        (Func<object, object?>)Compiled.GetOrAdd((factType, expression, false), static key =>
            GetterOf(key.FactType, key.Expression) ?? Wrap<object?>(key.FactType, Parse(key.FactType, key.Expression, resultType: null), interpret: true));

    /// <summary>The parser's lambda over the fact type (no shortcut, nothing cached).</summary>
    internal static LambdaExpression Parse(Type factType, string expression, Type? resultType) =>
        DynamicExpressionParser.ParseLambda(Config, factType, resultType, expression);

    /// <summary>
    /// The public instance property of the fact type that <paramref name="expression"/> is exactly
    /// the name of, read by <see cref="GetterOf"/>; null for anything else, which goes to the parser.
    /// </summary>
    internal static PropertyInfo? PropertyNamed(Type factType, string expression)
    {
        if (expression.Length == 0 || !char.IsAsciiLetterUpper(expression[0]) || !expression.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return Properties.GetOrAdd(factType, PropertiesByName).GetValueOrDefault(expression);
    }

    /// <summary>
    /// The property's getter over a boxed row, when <paramref name="expression"/> names one (the
    /// member the parser binds, <c>FactExpressionBindingTests</c>): the value the interpreter would return, boxed
    /// the same way, without building and interpreting a lambda. Under Native AOT building the
    /// lambda alone (<c>Expression.Lambda</c> finds its delegate type by reflection) was the larger
    /// part of compiling a rule's summary and evidence when it fires (docs/performance.md, fifth session).
    /// </summary>
    private static Func<object, object?>? GetterOf(Type factType, string expression) =>
        PropertyNamed(factType, expression) is PropertyInfo property ? property.GetValue : null;

    /// <summary>Readable, non-indexed public instance properties whose name is not shared (a hidden base property leaves it to the parser).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Fact types are kept whole in the AOT build (Analyzer.Cli.csproj roots their assembly), as the parser reflects over them too.")]
    private static Dictionary<string, PropertyInfo> PropertiesByName(Type factType) =>
        factType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

    /// <summary>
    /// The lambda as a delegate over <c>object</c>. Values (summary, evidence and remediation holes)
    /// run in the expression interpreter: each is evaluated a few times per finding, and compiling
    /// one to IL costs a dynamic method and its JIT (about a millisecond of CPU each, most of the
    /// rule stage of a JIT or ReadyToRun run; docs/performance.md, run 1b of issue 21). Conditions
    /// run once per row of their subject, so they stay compiled.
    /// </summary>
    private static Func<object, T> Wrap<T>(Type factType, LambdaExpression lambda, bool interpret)
    {
        // The row is cast once into the lambda's own parameter, now a block variable: invoking the
        // parsed lambda instead made the interpreter (all there is under Native AOT) create a
        // delegate and a frame for it on every row.
        ParameterExpression row = Expression.Parameter(typeof(object), "row");
        ParameterExpression fact = lambda.Parameters[0];
        Expression value = lambda.Body.Type == typeof(T) ? lambda.Body : Expression.Convert(lambda.Body, typeof(T));
        Expression body = Expression.Block(typeof(T), [fact], Expression.Assign(fact, Expression.Convert(row, factType)), value);
        return Expression.Lambda<Func<object, T>>(body, row).Compile(preferInterpretation: interpret);
    }

    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig
        {
            AllowNewToEvaluateAnyType = false,
            IsCaseSensitive = true,
            AllowEqualsAndToStringMethodsOnObject = true,
            LoadAdditionalAssembliesFromCurrentDomainBaseDirectory = false,
            // Otherwise the first parse indexes every public enumeration of the base library by
            // reflection (about 10 ms of a run under AOT) so that rules could name StringComparison
            // and the like, which no rule needs: rules name fact types only.
            SupportEnumerationsFromSystemNamespace = false,
        };
        // WindowsErrors: the one Windows error table the rules name in their summaries (WindowsErrors.Name(691)).
        config.CustomTypeProvider = new FactTypeProvider(FactSubjects.Types.Values.Append(typeof(Analyzer.Core.WindowsErrors)));
        return config;
    }
}

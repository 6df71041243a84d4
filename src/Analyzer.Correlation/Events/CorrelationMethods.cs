namespace Analyzer.Correlation.Events;

/// <summary>
/// The one spelling of each <see cref="CorrelationMethod"/>: the rules' <c>CorrelatedBy</c> fact and the
/// report's <c>correlation.method</c> both read it, so a rule and the report can never name a tie differently.
/// </summary>
public static class CorrelationMethods
{
    public static string Name(CorrelationMethod method) => method switch
    {
        CorrelationMethod.Cookies => "cookies",
        CorrelationMethod.Spi => "spi",
        CorrelationMethod.EndpointsAndTime => "endpoints-and-time",
        CorrelationMethod.Endpoints => "endpoints",
        _ => "unknown",
    };
}

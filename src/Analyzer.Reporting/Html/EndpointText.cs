namespace Analyzer.Reporting.Html;

/// <summary>The address part of the report's endpoint strings ("192.0.2.1:500", "[2001:db8::1]:4500", "192.0.2.1").</summary>
internal static class EndpointText
{
    public static string Address(string endpoint)
    {
        if (endpoint.StartsWith('['))
        {
            int close = endpoint.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? endpoint[1..close] : endpoint;
        }

        int colon = endpoint.IndexOf(':', StringComparison.Ordinal);
        bool oneColon = colon > 0 && colon == endpoint.LastIndexOf(':');
        return oneColon ? endpoint[..colon] : endpoint;
    }
}

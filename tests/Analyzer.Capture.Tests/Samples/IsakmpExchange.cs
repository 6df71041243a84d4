namespace Analyzer.Capture.Tests.Samples;

/// <summary>ISAKMP exchange type numbers (RFC 2408 §3.1, RFC 2409 §5; tshark's isakmp.exchangetype).</summary>
internal static class IsakmpExchange
{
    public const int MainMode = 2;
    public const int AggressiveMode = 4;
    public const int Informational = 5;
    public const int QuickMode = 32;
}

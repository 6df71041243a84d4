namespace Analyzer.EventLogs.Daemon;

/// <summary>Tells a bare line (pluto's own <c>logfile=</c>, <c>whack</c> output) as pluto's by its shape and wording.</summary>
internal static class PlutoWording
{
    public static bool IsTypical(string message) => PlutoPatterns.Typical().IsMatch(message);
}

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>What the CLI owes a user on any input: a contract exit code, no stack trace, and on failure one line naming the file and where in it.</summary>
internal static partial class CleanExit
{
    /// <summary>A place in a file: a byte offset, or a frame, record, entry or line number.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"offset 0x[0-9A-F]+|\((frame|record|entry) \d+\)|line \d+")]
    private static partial System.Text.RegularExpressions.Regex Where();

    public static void Assert(int exitCode, string error, string file, string what)
    {
        Xunit.Assert.True(exitCode is 0 or 1 or 2, $"{what}: exit code {exitCode}; stderr: {error}");
        Xunit.Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        if (exitCode == 2)
        {
            string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Xunit.Assert.True(lines.Length == 1, $"{what}: expected one stderr line, got: {error}");
            Xunit.Assert.Contains(Path.GetFileName(file), lines[0], StringComparison.Ordinal);
            Xunit.Assert.True(Where().IsMatch(lines[0]), $"{what}: the error line names no offset or record: {lines[0]}");
        }
    }
}

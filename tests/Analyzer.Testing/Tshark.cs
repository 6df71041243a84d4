using System.Collections.Concurrent;

namespace Analyzer.Testing;

/// <summary>
/// tshark, the dissection oracle, for every test project: one way to run it, one skip when it is
/// missing, and one cache, so a capture read with the same arguments by several tests of a run is
/// dissected once (tshark costs most of a second of CPU per run, mostly in starting up).
/// </summary>
public static class Tshark
{
    /// <summary>Separator for <see cref="Fields"/>: a unit separator cannot occur in a dissected field.</summary>
    public const char Separator = '\u001f';

    private static readonly ConcurrentDictionary<string, Lazy<string>> Outputs = new(StringComparer.Ordinal);

    /// <summary>tshark's path; skips the calling test, naming the package, when it is not installed.</summary>
    public static string Require() => ExternalTool.Require("tshark", "tshark");

    /// <summary>
    /// <c>tshark -r capture arguments…</c>'s standard output, run once per process for the same
    /// capture and arguments. Fails the test on a non-zero exit (a file tshark cannot read).
    /// </summary>
    public static string Run(string capture, params IEnumerable<string> arguments) => Run(capture, acceptFailure: false, arguments);

    /// <summary>
    /// As <see cref="Run(string, IEnumerable{string})"/> for a damaged capture (a public file cut short):
    /// what tshark dissected before it complained, whatever its exit code.
    /// </summary>
    public static string RunDamaged(string capture, params IEnumerable<string> arguments) => Run(capture, acceptFailure: true, arguments);

    private static string Run(string capture, bool acceptFailure, IEnumerable<string> arguments)
    {
        string tshark = Require();
        string[] all = ["-r", capture, .. arguments];
        string key = (acceptFailure ? "damaged\0" : "") + string.Join('\0', all);
        Lazy<string> output = Outputs.GetOrAdd(key, _ => new Lazy<string>(() => ExternalTool.Run(tshark, all, acceptFailure: acceptFailure)));
        try
        {
            return output.Value;
        }
        catch
        {
            // A failed run is not kept: the next test asking gets its own failure, with its own message.
            Outputs.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>The non-empty lines of <see cref="Run"/>'s output.</summary>
    public static string[] Lines(string capture, params IEnumerable<string> arguments) =>
        Run(capture, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// One row per frame passing <paramref name="displayFilter"/> (all frames when null), the given
    /// fields in order (<c>-T fields</c>, <see cref="Separator"/> between them, no name resolution).
    /// </summary>
    public static string[][] Fields(string capture, string? displayFilter, IEnumerable<string> fields, IEnumerable<string>? options = null)
    {
        List<string> arguments = ["-n", .. options ?? []];
        if (displayFilter is not null)
        {
            arguments.AddRange(["-Y", displayFilter]);
        }

        arguments.AddRange(["-T", "fields", "-E", "separator=" + Separator]);
        foreach (string field in fields)
        {
            arguments.AddRange(["-e", field]);
        }

        return [.. Lines(capture, arguments).Select(line => line.TrimEnd('\r').Split(Separator))];
    }

    /// <summary>The numbers of the frames passing <paramref name="displayFilter"/>.</summary>
    public static long[] Frames(string capture, string displayFilter) =>
        [.. Fields(capture, displayFilter, ["frame.number"]).Select(row => long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture))];
}

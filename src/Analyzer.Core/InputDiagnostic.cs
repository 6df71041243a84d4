using System.Globalization;
using System.Text;

namespace Analyzer.Core;

/// <summary>
/// Something about an input the user should know: a damaged record skipped, a limit reached, a
/// truncated packet. Reading goes on after it; the report lists it with the inputs.
/// </summary>
/// <param name="Input">The input's path as the user gave it.</param>
/// <param name="Offset">Byte offset in the file, where known.</param>
/// <param name="Frame">Frame (capture) or record (event log) number, where known.</param>
public sealed record InputDiagnostic(
    string Input,
    long? Offset,
    long? Frame,
    string Message,
    DiagnosticSeverity Severity = DiagnosticSeverity.Warning)
{
    /// <summary>One line for a terminal: <c>client.pcapng: offset 0x1F3A0 (frame 812): block length … exceeds file size</c>.</summary>
    public override string ToString()
    {
        var line = new StringBuilder(Input);
        line.Append(':');
        if (Offset is long offset)
        {
            line.Append(CultureInfo.InvariantCulture, $" offset 0x{offset:X}");
        }

        if (Frame is long frame)
        {
            line.Append(CultureInfo.InvariantCulture, $" (frame {frame})");
        }

        line.Append(": ").Append(Message);
        return line.ToString();
    }
}

using System.Globalization;
using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>
/// A text reader that passes at most <see cref="AnalysisLimits.MaxLineLength"/> characters of each
/// line and skips the rest of it unread into memory: StreamReader.ReadLine and CsvHelper would
/// otherwise hold a whole line, and a hostile or broken file may have none. Reports the first cut line.
/// </summary>
internal sealed class LineLengthGuard : TextReader
{
    private readonly TextReader _inner;
    private readonly int _max;
    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;
    private int _run;
    private bool _skipping;
    private long _line = 1;

    public LineLengthGuard(TextReader inner, int maxLineLength)
    {
        _inner = inner;
        _max = Math.Max(1, maxLineLength);
    }

    /// <summary>A text file (encoding from its byte-order mark) read through the guard.</summary>
    public static LineLengthGuard OpenFile(string path, AnalysisLimits limits) =>
        new(new StreamReader(path, detectEncodingFromByteOrderMarks: true), limits.MaxLineLength);

    /// <summary>How many lines were cut, and the 1-based number of the first.</summary>
    public long CutLines { get; private set; }

    public long FirstCutLine { get; private set; }

    /// <summary>One warning when lines were cut, naming the file, the first line and the limit.</summary>
    public void Report(AnalysisInput input, List<InputDiagnostic> diagnostics)
    {
        if (CutLines > 0)
        {
            diagnostics.Add(new InputDiagnostic(input.DisplayName, null, FirstCutLine, string.Create(CultureInfo.InvariantCulture,
                $"{CutLines} line(s) longer than {_max} characters were cut (the first is line {FirstCutLine}); the rest of each was skipped")));
        }
    }

    public override int Peek() => Fill() ? _buffer[_position] : -1;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        int written = 0;
        while (written < destination.Length && Fill())
        {
            char c = _buffer[_position++];
            if (c == '\n')
            {
                _line++;
                _run = 0;
                _skipping = false;
                destination[written++] = c;
            }
            else if (_skipping)
            {
                continue;
            }
            else if (_run == _max)
            {
                _skipping = true;
                if (CutLines++ == 0)
                {
                    FirstCutLine = _line;
                }
            }
            else
            {
                _run++;
                destination[written++] = c;
            }
        }

        return written;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        while (_position == _length)
        {
            _length = _inner.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0)
            {
                return false;
            }
        }

        return true;
    }
}

namespace Analyzer.EventLogs.Csv;

/// <summary>
/// Passes text through to CsvHelper while following RFC 4180's quoting (a quote opens a field only
/// at its start, <c>""</c> inside is a quote, a lone quote closes it), so that at the end of the file
/// it can tell whether the text stopped inside a quoted field. CsvHelper returns such a cut field as
/// if it were whole; an Event Viewer export cut mid-message would then yield a row whose message
/// (and the error number in it) is silently shortened.
/// </summary>
internal sealed class OpenQuoteTracker : TextReader
{
    private readonly TextReader _inner;
    private State _state = State.FieldStart;
    private long _line = 1;

    public OpenQuoteTracker(TextReader inner) => _inner = inner;

    private enum State : byte
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>True once the whole text is read, when it ended inside a quoted field.</summary>
    public bool EndedInsideQuotes => _state == State.Quoted;

    /// <summary>The 1-based line on which the quoted field still open at the end began.</summary>
    public long OpenQuoteLine { get; private set; }

    public override int Peek() => _inner.Peek();

    public override int Read()
    {
        int c = _inner.Read();
        if (c >= 0)
        {
            Follow((char)c);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        int read = _inner.Read(destination);
        foreach (char c in destination[..read])
        {
            Follow(c);
        }

        return read;
    }

    private void Follow(char c)
    {
        if (c == '\n')
        {
            _line++;
        }

        _state = (_state, c) switch
        {
            (State.FieldStart, '"') => Open(),
            (State.FieldStart or State.Unquoted or State.QuoteInQuoted, ',' or '\n' or '\r') => State.FieldStart,
            (State.FieldStart or State.Unquoted, _) => State.Unquoted,
            (State.Quoted, '"') => State.QuoteInQuoted,
            (State.Quoted, _) => State.Quoted,
            (State.QuoteInQuoted, '"') => State.Quoted,
            // A stray character after a closing quote: bad data, but the field is closed.
            (State.QuoteInQuoted, _) => State.Unquoted,
            _ => _state,
        };
    }

    private State Open()
    {
        OpenQuoteLine = _line;
        return State.Quoted;
    }
}

using System.Buffers;
using Analyzer.Core;

namespace Analyzer.EventLogs.Xml;

/// <summary>
/// A text reader between the decoded export and <see cref="System.Xml.XmlReader"/> that keeps the
/// parser's memory bounded. XmlReader reads element text in pieces, but it holds every name, attribute
/// value, CDATA section, reference and open element whole, so one crafted 500 MB attribute value or
/// element name, or millions of nested elements, would cost gigabytes. The guard follows just enough
/// XML lexing to cut those to the string limit while the document stays well-formed:
/// <list type="bullet">
/// <item>element, end-tag and processing-instruction names keep <see cref="AnalysisLimits.MaxStringLength"/>
/// characters, start and end tags alike so they still match; attribute values and CDATA sections keep
/// one more, so the event builder, which cuts every value to the limit, cuts them exactly as before;</item>
/// <item>an attribute whose name is longer than the limit, or past the
/// <see cref="MaxAttributesPerElement"/>th on its element, is left out whole (two names cut to the
/// same prefix would be a duplicate attribute);</item>
/// <item>references are never split; leading zeros of character references are dropped and entity
/// names are cut (an unknown entity is an error anyway);</item>
/// <item>elements deeper than the XML depth limit (plus the export's root and one level for the builder
/// to notice) are left out with their content.</item>
/// </list>
/// The first cut of each kind is kept with its file line; <see cref="OriginalLine"/> maps the parser's
/// line numbers back to the file when cut values held line breaks. Anything malformed is passed on for
/// XmlReader to report; every input character is consumed exactly once, so the guard cannot loop.
/// This file holds the reader side and the dispatch; the markup lexemes, references and the output
/// with its cut bookkeeping are in the other XmlMarkupGuard.*.cs files.
/// </summary>
internal sealed partial class XmlMarkupGuard : TextReader
{
    /// <summary>Windows event elements carry a handful of attributes; thousands only come from a crafted file.</summary>
    public const int MaxAttributesPerElement = 256;

    private const int ChunkLength = 16 * 1024;
    private const int MaxCharacterReferenceDigits = 16;
    private const int MaxHeldAttributeName = 1 << 16;

    /// <summary>White space kept in one run inside a tag: XmlReader holds a whole tag, blanks included.</summary>
    private const int MaxTagSpaces = 64;
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&\r\n");
    private static readonly SearchValues<char> TagStops = SearchValues.Create("'\"\r\n");
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create("'&\r\n");
    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create("\"&\r\n");

    /// <summary>The characters that end a name here (<see cref="IsNameEnd"/>): controls and blanks, and markup punctuation.</summary>
    private static readonly SearchValues<char> NameStops = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 33).Select(c => (char)c)) + "/>=\"'<?&;");

    private readonly TextReader _inner;
    private readonly int _keep;
    private readonly int _shortTag;
    private readonly int _maxDepth;
    private readonly char[] _in;
    private readonly char[] _out;
    private readonly char[] _attributeNameBuffer;
    private readonly int _attributeNameLength;
    private readonly XmlCut?[] _first = new XmlCut?[3];
    private readonly bool[] _taken = new bool[3];
    private readonly List<(int OutputLine, long Dropped)> _lineShifts = [];
    private int _inPosition;
    private int _inLength;
    private int _outPosition;
    private int _outLength;
    private long _emittedBefore;
    private bool _endOfInput;
    private bool _disposed;

    private Lexeme _lexeme;
    private Lexeme _referenceParent;
    private int _depth;
    private bool _dropTag;
    private bool _dropAttribute;
    private bool _selfClosing;
    private int _attributes;
    private int _nameLength;
    private int _run;
    private bool _cutting;
    private bool _lastWasCr;
    private char _quote;
    private int _marks;
    private int _spaces;
    private bool _cdataCandidate;
    private ReferenceStage _referenceStage;
    private bool _hexReference;
    private bool _referenceDigit;
    private bool _referenceZeros;
    private int _referenceLength;

    private int _outputLine = 1;
    private long _lineStart;
    private long _lastKeptCr = -2;
    private bool _droppedCr;
    private long _droppedLines;

    public XmlMarkupGuard(TextReader inner, AnalysisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _inner = inner;
        int max = Math.Clamp(limits.MaxStringLength, 1, int.MaxValue - 2);
        _keep = max + 1;
        // A tag this short cannot hold a name or value over the limit, nor more than 256 attributes (5 characters each at least).
        _shortTag = Math.Min(max, 1024);
        // Depth 0 is outside any element; an export's <Events> root adds one level above each event,
        // and one level more lets the builder meet (and report) the element past its own limit.
        _maxDepth = Math.Max(1, limits.MaxXmlDepth) + 2;
        // Pooled: an analysis may open many small exports, and these buffers are most of what one costs.
        _in = ArrayPool<char>.Shared.Rent(ChunkLength);
        // An attribute name is held whole until it ends; past 64 K characters (a limit set that high) it is left out like a longer one.
        _attributeNameLength = Math.Min(max, MaxHeldAttributeName);
        _attributeNameBuffer = ArrayPool<char>.Shared.Rent(_attributeNameLength);
        _out = ArrayPool<char>.Shared.Rent(ChunkLength + _attributeNameLength + 8);
    }

    private enum Lexeme : byte
    {
        Text,
        TagOpen,
        ElementName,
        InTag,
        AttributeName,
        AttributeValue,
        EndTagName,
        EndTag,
        Bang,
        Comment,
        CData,
        PiTarget,
        PiData,
        Declaration,
        Reference,
    }

    private enum ReferenceStage : byte
    {
        Start,
        Hash,
        Digits,
        Name,
    }

    /// <summary>True while a cut has not been handed to the reader through <see cref="TryTakeCut"/>.</summary>
    public bool HasUntakenCut { get; private set; }

    /// <summary>The first untaken cut the parser has passed (its node is at or after the cut), marked as taken.</summary>
    public bool TryTakeCut(int outputLine, long outputColumn, out XmlCut cut)
    {
        bool left = false;
        for (int i = 0; i < _first.Length; i++)
        {
            if (_first[i] is not { } candidate || _taken[i])
            {
                continue;
            }

            if (candidate.OutputLine < outputLine || (candidate.OutputLine == outputLine && candidate.OutputColumn <= outputColumn))
            {
                _taken[i] = true;
                cut = candidate;
                HasUntakenCut = HasUntaken();
                return true;
            }

            left = true;
        }

        HasUntakenCut = left;
        cut = default;
        return false;
    }

    /// <summary>The file's line for a line number the parser reports (they differ after a cut value that held line breaks).</summary>
    public long OriginalLine(int outputLine)
    {
        int low = 0;
        int high = _lineShifts.Count - 1;
        long dropped = 0;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (_lineShifts[middle].OutputLine < outputLine)
            {
                dropped = _lineShifts[middle].Dropped;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return outputLine + dropped;
    }

    public override int Peek() => Fill() ? _out[_outPosition] : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        return _out[_outPosition++];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> destination)
    {
        if (destination.IsEmpty || !Fill())
        {
            return 0;
        }

        int count = Math.Min(destination.Length, _outLength - _outPosition);
        _out.AsSpan(_outPosition, count).CopyTo(destination);
        _outPosition += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
            ArrayPool<char>.Shared.Return(_in);
            ArrayPool<char>.Shared.Return(_out);
            ArrayPool<char>.Shared.Return(_attributeNameBuffer);
        }

        base.Dispose(disposing);
    }

    private bool HasUntaken()
    {
        for (int i = 0; i < _first.Length; i++)
        {
            if (_first[i] is not null && !_taken[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lexes input until some output is ready or the input ends.</summary>
    private bool Fill()
    {
        while (_outPosition == _outLength)
        {
            _emittedBefore += _outLength;
            _outPosition = 0;
            _outLength = 0;
            while (_outLength < ChunkLength)
            {
                if (_inPosition == _inLength)
                {
                    if (_endOfInput)
                    {
                        break;
                    }

                    _inLength = _inner.Read(_in, 0, _in.Length);
                    _inPosition = 0;
                    if (_inLength == 0)
                    {
                        _endOfInput = true;
                        break;
                    }
                }

                if (CopyRun())
                {
                    continue;
                }

                char c = _in[_inPosition++];
                while (!Step(c))
                {
                }
            }

            if (_outLength == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The common case in bulk: element text, attribute values and names up to the next character that
    /// needs a look (markup, reference, line break, quote) or one short of their limit (the last
    /// character before a cut goes through <see cref="Step"/>, which checks colons and surrogates).
    /// </summary>
    private bool CopyRun()
    {
        ReadOnlySpan<char> rest = _in.AsSpan(_inPosition, Math.Min(_inLength - _inPosition, ChunkLength - _outLength));
        int count;
        switch (_lexeme)
        {
            case Lexeme.Text when _depth <= _maxDepth:
                count = rest[0] == '<' ? ShortTag(rest) : Run(rest, TextStops, rest.Length);
                break;
            case Lexeme.AttributeValue when !_dropTag && !_dropAttribute && !_cutting:
                count = Run(rest, _quote == '"' ? DoubleQuotedStops : SingleQuotedStops, _keep - 1 - _run);
                _run += count;
                _lastWasCr = _lastWasCr && count == 0;
                break;
            case Lexeme.ElementName or Lexeme.EndTagName when !_dropTag && !_cutting:
                count = Run(rest, NameStops, _keep - 2 - _run);
                _run += count;
                break;
            case Lexeme.AttributeName when _nameLength < _attributeNameLength:
                count = Run(rest, NameStops, _attributeNameLength - _nameLength);
                rest[..count].CopyTo(_attributeNameBuffer.AsSpan(_nameLength));
                _nameLength += count;
                _inPosition += count;
                return count > 0;
            default:
                return false;
        }

        rest[..count].CopyTo(_out.AsSpan(_outLength));
        _outLength += count;
        _inPosition += count;
        return count > 0;
    }

    /// <summary>
    /// A whole start tag, end tag or processing instruction shorter than <see cref="_shortTag"/> on one
    /// line: nothing in it can reach a limit, so it passes in one piece once its end is known (the first
    /// '&gt;' outside quotes) and the depth is counted. Anything else (0) goes through <see cref="Step"/>.
    /// </summary>
    private int ShortTag(ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> window = rest.Length > _shortTag ? rest[.._shortTag] : rest;
        int end = window.IndexOf('>');
        if (end < 2 || window[1] == '!')
        {
            return 0;
        }

        ReadOnlySpan<char> tag = window[..(end + 1)];
        ReadOnlySpan<char> scan = tag;
        char quote = '\0';
        int next;
        while ((next = scan.IndexOfAny(TagStops)) >= 0)
        {
            char c = scan[next];
            if (c is '\r' or '\n')
            {
                return 0;
            }

            quote = quote == '\0' ? c : (c == quote ? '\0' : quote);
            scan = scan[(next + 1)..];
        }

        if (quote != '\0')
        {
            return 0;   // the '>' found is inside an attribute value
        }

        switch (tag[1])
        {
            case '?':
                return tag[^2] == '?' ? tag.Length : 0;
            case '/':
                if (_depth > _maxDepth)
                {
                    return 0;
                }

                _depth = Math.Max(0, _depth - 1);
                return tag.Length;
            default:
                if (_depth >= _maxDepth)
                {
                    return 0;
                }

                if (tag[^2] != '/')
                {
                    _depth++;
                }

                return tag.Length;
        }
    }

    private static int Run(ReadOnlySpan<char> rest, SearchValues<char> stops, int limit)
    {
        if (limit <= 0)
        {
            return 0;
        }

        ReadOnlySpan<char> window = rest.Length > limit ? rest[..limit] : rest;
        int stop = window.IndexOfAny(stops);
        return stop < 0 ? window.Length : stop;
    }

    /// <summary>Handles one character in the current state; false when the state changed and the character must be looked at again.</summary>
    private bool Step(char c)
    {
        switch (_lexeme)
        {
            case Lexeme.Text:
                if (c == '<')
                {
                    // Held back until the next character tells which markup it opens (and whether it is dropped).
                    _lexeme = Lexeme.TagOpen;
                    return true;
                }

                Put(c, _depth <= _maxDepth);
                if (c == '&')
                {
                    EnterReference(Lexeme.Text);
                }

                return true;
            case Lexeme.TagOpen:
                return OpenMarkup(c);
            case Lexeme.ElementName:
            case Lexeme.EndTagName:
            case Lexeme.PiTarget:
                return Name(c);
            case Lexeme.InTag:
                return InTag(c);
            case Lexeme.AttributeName:
                return AttributeName(c);
            case Lexeme.AttributeValue:
                AttributeValue(c);
                return true;
            case Lexeme.EndTag:
                Put(c, !_dropTag && Blank(c));
                if (c == '>')
                {
                    _depth = Math.Max(0, _depth - 1);
                    _lexeme = Lexeme.Text;
                }

                return true;
            case Lexeme.Bang:
                return Bang(c);
            case Lexeme.Comment:
                Put(c, !_dropTag);
                if (c == '>' && _marks >= 2)
                {
                    _lexeme = Lexeme.Text;
                }

                _marks = c == '-' ? _marks + 1 : 0;
                return true;
            case Lexeme.CData:
                CData(c);
                return true;
            case Lexeme.PiData:
                Put(c, !_dropTag && Blank(c));
                if (c == '>' && _marks == 1)
                {
                    _lexeme = Lexeme.Text;
                }

                _marks = c == '?' ? 1 : 0;
                return true;
            case Lexeme.Declaration:
                // <!DOCTYPE ...>: XmlReader refuses it (DTDs are prohibited), the guard only finds its end.
                Put(c, !_dropTag);
                if (c == '>')
                {
                    _lexeme = Lexeme.Text;
                }

                return true;
            default:
                return Reference(c);
        }
    }
}

namespace Analyzer.EventLogs.Xml;

/// <summary>Kept and dropped characters, and the first cut of each kind with its position (line numbers stay mapped to the file).</summary>
internal sealed partial class XmlMarkupGuard
{
    private void Put(char c, bool keep)
    {
        if (!keep)
        {
            Drop(c);
            return;
        }

        _out[_outLength++] = c;
        if (c is '\n' or '\r')
        {
            long position = _emittedBefore + _outLength;
            if (c == '\r' || _lastKeptCr != position - 2)
            {
                _outputLine++;
            }

            _lineStart = position;
            if (c == '\r')
            {
                _lastKeptCr = position - 1;
            }
        }
    }

    /// <summary>A character left out: only its line breaks are counted, to map the parser's lines back to the file's.</summary>
    private void Drop(char c)
    {
        if (c == '\r' || (c == '\n' && !_droppedCr))
        {
            _droppedLines++;
            if (_lineShifts.Count > 0 && _lineShifts[^1].OutputLine == _outputLine)
            {
                _lineShifts[^1] = (_outputLine, _droppedLines);
            }
            else
            {
                _lineShifts.Add((_outputLine, _droppedLines));
            }
        }

        _droppedCr = c == '\r';
    }

    private void Record(XmlCutKind kind)
    {
        if (_first[(int)kind] is not null)
        {
            return;
        }

        long column = _emittedBefore + _outLength - _lineStart + 1;
        _first[(int)kind] = new XmlCut(kind, _outputLine + _droppedLines, _outputLine, column);
        HasUntakenCut = true;
    }
}

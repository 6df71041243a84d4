namespace Analyzer.EventLogs.Xml;

/// <summary>The lexemes of markup: tag and end-tag names, attributes and their values, comments, CDATA and declarations after '&lt;!', blanks inside a tag.</summary>
internal sealed partial class XmlMarkupGuard
{
    private bool OpenMarkup(char c)
    {
        _spaces = 0;
        _run = 0;
        _cutting = false;
        _marks = 0;
        switch (c)
        {
            case '/':
                _dropTag = _depth > _maxDepth;
                _lexeme = Lexeme.EndTagName;
                PutMarkupStart(c);
                return true;
            case '?':
                _dropTag = _depth > _maxDepth;
                _lexeme = Lexeme.PiTarget;
                PutMarkupStart(c);
                return true;
            case '!':
                _dropTag = _depth > _maxDepth;
                _lexeme = Lexeme.Bang;
                PutMarkupStart(c);
                return true;
            default:
                _dropTag = _depth >= _maxDepth;
                if (_dropTag)
                {
                    Record(XmlCutKind.Nesting);
                }
                else
                {
                    Put('<', keep: true);
                }

                _lexeme = Lexeme.ElementName;
                _attributes = 0;
                _selfClosing = false;
                _dropAttribute = false;
                return false;
        }
    }

    private void PutMarkupStart(char c)
    {
        if (!_dropTag)
        {
            Put('<', keep: true);
            Put(c, keep: true);
        }
    }

    /// <summary>Element, end-tag and PI names: cut at the limit, never after a ':' or between a surrogate pair.</summary>
    private bool Name(char c)
    {
        if (IsNameEnd(c))
        {
            _lexeme = _lexeme switch
            {
                Lexeme.ElementName => Lexeme.InTag,
                Lexeme.EndTagName => Lexeme.EndTag,
                _ => Lexeme.PiData,
            };
            return false;
        }

        int max = _keep - 1;
        if (!_cutting && (_run >= max || (_run == max - 1 && (c == ':' || char.IsHighSurrogate(c)))))
        {
            _cutting = true;
            if (!_dropTag)
            {
                Record(XmlCutKind.Value);
            }
        }

        if (_cutting)
        {
            Drop(c);
            return true;
        }

        Put(c, !_dropTag);
        _run++;
        return true;
    }

    private bool InTag(char c)
    {
        if (c > ' ')
        {
            _spaces = 0;
        }

        switch (c)
        {
            case '>':
                Put(c, !_dropTag);
                if (!_selfClosing)
                {
                    _depth++;
                }

                _dropAttribute = false;
                _lexeme = Lexeme.Text;
                return true;
            case '/':
                _selfClosing = true;
                Put(c, !_dropTag);
                return true;
            case '"' or '\'':
                _selfClosing = false;
                _quote = c;
                _run = 0;
                _cutting = false;
                _lastWasCr = false;
                Put(c, !_dropTag && !_dropAttribute);
                _lexeme = Lexeme.AttributeValue;
                return true;
            case '=':
                _selfClosing = false;
                Put(c, !_dropTag && !_dropAttribute);
                return true;
        }

        if (IsNameEnd(c))
        {
            // White space between attributes (none needed once the rest are left out), or a stray character XmlReader will report.
            _selfClosing &= c <= ' ';
            Put(c, !_dropTag && Blank(c) && _attributes < MaxAttributesPerElement);
            return true;
        }

        _selfClosing = false;
        _dropAttribute = false;
        _nameLength = 0;
        _lexeme = Lexeme.AttributeName;
        return false;
    }

    /// <summary>An attribute name is held until it ends: too long or one too many, the attribute is left out whole.</summary>
    private bool AttributeName(char c)
    {
        if (!IsNameEnd(c))
        {
            if (_nameLength < _attributeNameLength)
            {
                _attributeNameBuffer[_nameLength] = c;
            }

            _nameLength = Math.Min(_nameLength + 1, _attributeNameLength + 1);
            return true;
        }

        _attributes++;
        if (_nameLength > _attributeNameLength || _attributes > MaxAttributesPerElement)
        {
            _dropAttribute = true;
            if (!_dropTag)
            {
                Record(_nameLength > _attributeNameLength ? XmlCutKind.Value : XmlCutKind.Attributes);
            }
        }
        else if (!_dropTag)
        {
            _attributeNameBuffer.AsSpan(0, _nameLength).CopyTo(_out.AsSpan(_outLength));
            _outLength += _nameLength;
        }

        _lexeme = Lexeme.InTag;
        return false;
    }

    private void AttributeValue(char c)
    {
        bool keep = !_dropTag && !_dropAttribute;
        if (c == _quote)
        {
            Put(c, keep);
            _dropAttribute = false;
            _lexeme = Lexeme.InTag;
            return;
        }

        if (KeepValueCharacter(c, keep) && c == '&')
        {
            EnterReference(Lexeme.AttributeValue);
        }
    }

    /// <summary>
    /// One character of an attribute value or CDATA section: kept until the limit + 1 (never splitting a
    /// surrogate pair), counted as the parser will deliver it (CR LF becomes one), then dropped.
    /// </summary>
    private bool KeepValueCharacter(char c, bool keep)
    {
        if (keep && !_cutting && (_run >= _keep || (_run == _keep - 1 && char.IsHighSurrogate(c))))
        {
            _cutting = true;
            Record(XmlCutKind.Value);
        }

        if (!keep || _cutting)
        {
            Drop(c);
            return false;
        }

        Put(c, keep: true);
        if (c != '\n' || !_lastWasCr)
        {
            _run++;
        }

        _lastWasCr = c == '\r';
        return true;
    }

    private bool Bang(char c)
    {
        // "<!--" opens a comment, "<![CDATA[" a CDATA section; anything else is a declaration.
        if (_marks == 0)
        {
            _cdataCandidate = c == '[';
            if (c != '-' && c != '[')
            {
                _lexeme = Lexeme.Declaration;
                return false;
            }
        }
        else if (c != (_cdataCandidate ? "[CDATA["[_marks] : '-'))
        {
            _lexeme = Lexeme.Declaration;
            return false;
        }

        Put(c, !_dropTag);
        _marks++;
        if (_marks == (_cdataCandidate ? "[CDATA[".Length : 2))
        {
            _lexeme = _cdataCandidate ? Lexeme.CData : Lexeme.Comment;
            _marks = 0;
            _run = 0;
            _cutting = false;
            _lastWasCr = false;
        }

        return true;
    }

    private void CData(char c)
    {
        if (c == '>' && _marks >= 2)
        {
            if (_cutting && !_dropTag)
            {
                // The "]]" of the end were dropped with the cut content; the section still has to close.
                Put(']', keep: true);
                Put(']', keep: true);
            }

            Put(c, !_dropTag);
            _lexeme = Lexeme.Text;
            _marks = 0;
            return;
        }

        _marks = c == ']' ? _marks + 1 : 0;
        KeepValueCharacter(c, !_dropTag);
    }

    /// <summary>False for white space past <see cref="MaxTagSpaces"/> in a row; counts the run.</summary>
    private bool Blank(char c)
    {
        if (c > ' ')
        {
            _spaces = 0;
            return true;
        }

        return ++_spaces <= MaxTagSpaces;
    }

    private static bool IsNameEnd(char c) => c <= ' ' || c is '/' or '>' or '=' or '"' or '\'' or '<' or '?' or '&' or ';';
}

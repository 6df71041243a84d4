namespace Analyzer.EventLogs.Xml;

/// <summary>Entity and character references, which are never split: entity names are cut at the limit and leading zeros of character references dropped.</summary>
internal sealed partial class XmlMarkupGuard
{
    private void EnterReference(Lexeme parent)
    {
        _referenceParent = parent;
        _referenceStage = ReferenceStage.Start;
        _referenceLength = 0;
        _lexeme = Lexeme.Reference;
    }

    /// <summary>After '&amp;': an entity name (cut at the limit) or a character reference (leading zeros dropped), up to ';'.</summary>
    private bool Reference(char c)
    {
        bool keep = _referenceParent == Lexeme.Text ? _depth <= _maxDepth : !_dropTag && !_dropAttribute;
        switch (_referenceStage)
        {
            case ReferenceStage.Start:
                if (c == '#')
                {
                    Put(c, keep);
                    _referenceStage = ReferenceStage.Hash;
                    return true;
                }

                _referenceStage = ReferenceStage.Name;
                return Reference(c);
            case ReferenceStage.Hash:
                _hexReference = c == 'x';
                _referenceDigit = false;
                _referenceZeros = false;
                _referenceStage = ReferenceStage.Digits;
                if (_hexReference)
                {
                    Put(c, keep);
                    return true;
                }

                return Reference(c);
            case ReferenceStage.Digits:
                if (c == ';')
                {
                    if (!_referenceDigit && _referenceZeros)
                    {
                        Put('0', keep);
                    }

                    Put(c, keep);
                    _lexeme = _referenceParent;
                    return true;
                }

                if (!(char.IsAsciiDigit(c) || (_hexReference && char.IsAsciiHexDigit(c))))
                {
                    _lexeme = _referenceParent;
                    return false;
                }

                if (c == '0' && !_referenceDigit)
                {
                    _referenceZeros = true;
                }
                else if (_referenceLength < MaxCharacterReferenceDigits)
                {
                    _referenceDigit = true;
                    _referenceLength++;
                    Put(c, keep);
                }

                return true;
            default:
                if (c == ';')
                {
                    Put(c, keep);
                    _lexeme = _referenceParent;
                    return true;
                }

                if (IsNameEnd(c))
                {
                    _lexeme = _referenceParent;
                    return false;
                }

                if (_referenceLength < _keep)
                {
                    _referenceLength++;
                    Put(c, keep);
                }
                else if (keep)
                {
                    Record(XmlCutKind.Value);
                }

                return true;
        }
    }
}

using System.Globalization;
using System.Text;
using Analyzer.Core;

namespace Analyzer.EventLogs.Xml;

/// <summary>
/// Turns the element stream of one Windows event (from EVTX binary XML or from an XML export) into
/// an <see cref="EventRecord"/>: System fields, EventData/UserData values, rendered message. Both
/// readers feed the same builder so an event reads the same whatever file it came from.
/// </summary>
internal sealed class EventXmlBuilder
{
    private readonly int _maxDepth;
    private readonly int _maxStringLength;
    private readonly string[] _path;
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _attributeValue = new();
    private int _depth;
    private bool _childSeen;
    private string? _attributeName;
    private string? _dataName;
    private int _positional;
    private bool _emptyOptional;

    public EventXmlBuilder(int maxDepth, int maxStringLength)
    {
        _maxDepth = maxDepth;
        _maxStringLength = maxStringLength;
        _path = new string[maxDepth + 1];
    }

    public string? Provider { get; private set; }

    public int EventId { get; private set; }

    public string? Level { get; private set; }

    public string? Channel { get; private set; }

    public string? Computer { get; private set; }

    public Timestamp? TimeCreated { get; private set; }

    public long? EventRecordId { get; private set; }

    public string? Message { get; private set; }

    public bool DataIsPositional { get; private set; }

    public List<KeyValuePair<string, string>> Data { get; private set; } = [];

    /// <summary>True once nesting went past the limit; the deeper content was ignored.</summary>
    public bool DepthExceeded { get; private set; }

    public int Depth => _depth;

    /// <summary>True once a value of this event was longer than the string limit and was cut.</summary>
    public bool StringCut { get; private set; }

    public void Reset()
    {
        _depth = 0;
        _childSeen = false;
        _attributeName = null;
        _dataName = null;
        _positional = 0;
        _text.Clear();
        _attributeValue.Clear();
        Provider = null;
        EventId = 0;
        Level = null;
        Channel = null;
        Computer = null;
        TimeCreated = null;
        EventRecordId = null;
        Message = null;
        DataIsPositional = false;
        DepthExceeded = false;
        StringCut = false;
        Data = [];
    }

    /// <summary>False when the nesting limit is reached; the caller then skips the element's content.</summary>
    public bool StartElement(string name)
    {
        if (_depth >= _maxDepth)
        {
            DepthExceeded = true;
            return false;
        }

        _path[_depth++] = StripPrefix(name);
        _text.Clear();
        _childSeen = false;
        _emptyOptional = false;
        if (IsDataElement())
        {
            _dataName = null;
        }

        return true;
    }

    public void StartAttribute(string name)
    {
        _attributeName = StripPrefix(name);
        _attributeValue.Clear();
    }

    public void AppendText(ReadOnlySpan<char> text)
    {
        StringBuilder target = _attributeName is null ? _text : _attributeValue;
        int room = _maxStringLength - target.Length;
        if (text.Length > room)
        {
            StringCut = true;
        }

        if (room <= 0)
        {
            return;
        }

        target.Append(text.Length <= room ? text : text[..room]);
    }

    /// <summary>A typed value from binary XML, rendered straight into the current text.</summary>
    public void AppendValue(Evtx.BinXmlValueType type, ReadOnlySpan<byte> value)
    {
        StringBuilder target = _attributeName is null ? _text : _attributeValue;
        if ((type & Evtx.BinXmlValueType.ArrayFlag) != 0 && _attributeName is null && IsDataElement())
        {
            // Windows renders an array in a <Data> element as one <Data> element per item.
            List<string> items = Evtx.BinXmlValueFormatter.Items(type, value);
            for (int i = 0; i < items.Count - 1; i++)
            {
                AddData(Cut(target.Append(items[i]).ToString()));
                target.Clear();
            }

            if (items.Count > 0)
            {
                target.Append(items[^1]);
            }

            return;
        }

        if (target.Length >= _maxStringLength)
        {
            StringCut |= !value.IsEmpty;
            return;
        }

        Evtx.BinXmlValueFormatter.Append(target, type, value);
        if (target.Length > _maxStringLength)
        {
            StringCut = true;
            target.Length = _maxStringLength;
        }
    }

    /// <summary>An optional substitution had no value: if nothing else fills the element, Windows does not render it.</summary>
    public void MarkEmptyOptional()
    {
        if (_attributeName is null)
        {
            _emptyOptional = true;
        }
    }

    public void EndAttribute()
    {
        if (_attributeName is null || _depth == 0)
        {
            _attributeName = null;
            return;
        }

        string element = _path[_depth - 1];
        string value = _attributeValue.ToString();
        if (_depth == 3 && _path[1] == "System")
        {
            switch (element)
            {
                case "Provider" when _attributeName == "Name":
                    Provider = value;
                    break;
                case "Provider" when _attributeName == "EventSourceName" && Provider is null:
                    Provider = value;
                    break;
                case "TimeCreated" when _attributeName == "SystemTime":
                    if (IsoTimestamp.TryParse(value, out Timestamp time))
                    {
                        TimeCreated = time;
                    }

                    break;
            }
        }
        else if (IsDataElement() && _attributeName == "Name")
        {
            _dataName = value;
        }

        _attributeName = null;
    }

    public void EndElement()
    {
        if (_depth == 0)
        {
            return;
        }

        string element = _path[_depth - 1];
        bool leaf = !_childSeen;
        if (leaf && !(_emptyOptional && _text.Length == 0))
        {
            HandleLeaf(element, _text.ToString());
        }

        _depth--;
        _text.Clear();
        _childSeen = true;
    }

    private void HandleLeaf(string element, string text)
    {
        if (_depth == 3 && _path[1] == "System")
        {
            switch (element)
            {
                case "EventID":
                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
                    {
                        EventId = id;
                    }

                    break;
                case "Level":
                    Level = text;
                    break;
                case "Channel":
                    Channel = text;
                    break;
                case "Computer":
                    Computer = text;
                    break;
                case "EventRecordID":
                    if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long recordId))
                    {
                        EventRecordId = recordId;
                    }

                    break;
            }

            return;
        }

        if (_depth < 3 || _path[0] != "Event")
        {
            return;
        }

        switch (_path[1])
        {
            case "EventData":
                if (_depth != 3)
                {
                    return;
                }

                if (element == "Data")
                {
                    AddData(text);
                }
                else if (element == "Binary" && text.Length > 0)
                {
                    // An empty <Binary/> comes from an optional substitution without a value: Windows omits it.
                    Data.Add(new("Binary", text));
                }

                break;
            case "UserData":
                // UserData holds a provider-specific element; its leaves are the values.
                if (_depth >= 4)
                {
                    Data.Add(new(element, text));
                }

                break;
            case "RenderingInfo":
                if (_depth == 3 && element == "Message")
                {
                    Message = text;
                }

                break;
        }
    }

    private void AddData(string text)
    {
        if (_dataName is null)
        {
            DataIsPositional = true;
            Data.Add(new(_positional.ToString(CultureInfo.InvariantCulture), text));
            _positional++;
        }
        else
        {
            Data.Add(new(_dataName, text));
        }
    }

    private string Cut(string text)
    {
        if (text.Length <= _maxStringLength)
        {
            return text;
        }

        StringCut = true;
        return text[.._maxStringLength];
    }

    private bool IsDataElement() => _depth == 3 && _path[0] == "Event" && _path[1] == "EventData" && _path[2] == "Data";

    private static string StripPrefix(string name)
    {
        int colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[(colon + 1)..];
    }

    public EventRecord Build(int inputIndex, long recordId, Timestamp? written, long? fileOffset) => new()
    {
        InputIndex = inputIndex,
        RecordId = recordId,
        EventId = EventId,
        Provider = Provider,
        Channel = Channel,
        Computer = Computer,
        Level = Level,
        Time = TimeCreated,
        Written = written,
        Data = Data,
        DataIsPositional = DataIsPositional,
        Message = Message,
        FileOffset = fileOffset,
    };
}

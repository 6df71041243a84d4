using System.Globalization;
using System.Text;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Reporting.Markdown;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The timeline's line for an IKE message ("IKEv1 MM3 initiator → responder (retransmission)"),
/// one string per distinct line: a large capture repeats a few hundred lines over tens of
/// thousands of messages, so each line is written into one reused buffer and only a line not met
/// before becomes a string (docs/performance.md, seventh session). One instance per timeline
/// build, on one thread.
/// </summary>
internal sealed class IkeTimelineTexts
{
    private readonly StringBuilder _text = new(256);
    private readonly Dictionary<string, string> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public IkeTimelineTexts()
    {
        _bySpan = _lines.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Of(IkeSa sa, IkeMessage message)
    {
        StringBuilder text = _text.Clear();
        text.Append(CultureInfo.InvariantCulture, $"IKEv{sa.Version} ");
        text.Append(ReportLabels.Message(ReportNames.Kebab(message.Exchange), message.Number, message.ExchangeType));
        text.Append(message.FromInitiator ? " initiator → responder" : " responder → initiator");
        if (message.Retransmission)
        {
            text.Append(" (retransmission)");
        }

        if (message.Fragment is IkeFragmentInfo fragment)
        {
            text.Append(CultureInfo.InvariantCulture, $" fragment {fragment.Index}{(fragment.Last ? " (last)" : string.Empty)}");
        }

        foreach (IkeNotifyObservation notify in message.Notifies)
        {
            text.Append(" notify ").Append(NotifyTypes.Name(notify.Type, notify.V2));
        }

        return Interned(text);
    }

    private string Interned(StringBuilder text)
    {
        // One chunk unless a line outgrew the buffer (many notifies): then it is simply a new string.
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            if (chunk.Length != text.Length)
            {
                break;
            }

            if (_bySpan.TryGetValue(chunk.Span, out string? known))
            {
                return known;
            }

            string line = chunk.Span.ToString();
            _lines.Add(line, line);
            return line;
        }

        return text.ToString();
    }
}

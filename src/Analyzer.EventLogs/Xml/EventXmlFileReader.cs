using System.Globalization;
using System.Xml;
using Analyzer.Core;

namespace Analyzer.EventLogs.Xml;

/// <summary>
/// Reads XML exports: <c>wevtutil qe /f:xml</c> (one &lt;Event&gt; after another, no root) and
/// Event Viewer "Save as XML" (&lt;Events&gt; root). Each &lt;Event&gt; goes through the same
/// <see cref="EventXmlBuilder"/> as EVTX records. A malformed document keeps the events before the
/// fault and reports its line and position.
/// </summary>
internal static class EventXmlFileReader
{
    public static void Read(AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        using FileStream stream = File.OpenRead(input.Path);
        Read(stream, input, limits, result, ct);
    }

    public static void Read(Stream stream, AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            ConformanceLevel = ConformanceLevel.Fragment,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = 0,
        };
        var builder = new EventXmlBuilder(limits.MaxXmlDepth, limits.MaxStringLength);
        using var guard = new XmlMarkupGuard(XmlTextDecoder.Open(stream, out string? unsupported), limits);
        if (unsupported is not null)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, 0, null,
                $"the XML declaration names encoding '{unsupported}', which is not available here; read as UTF-8"));
        }

        using var reader = XmlReader.Create(guard, settings);
        var lineInfo = (IXmlLineInfo)reader;
        long ordinal = 0;
        bool inEvent = false;
        int eventLine = 0;
        bool depthReported = false;
        var strings = new StringLimit(input, limits);
        char[] textChunk = new char[4096];
        try
        {
            bool more = reader.Read();
            while (more)
            {
                bool skipped = false;
                if (guard.HasUntakenCut)
                {
                    ReportCuts(guard, lineInfo.LineNumber, lineInfo.LinePosition, inEvent ? ordinal + 1 : Math.Max(ordinal, 1), input, limits, result, strings, ref depthReported);
                }

                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (!inEvent && reader.LocalName == "Event")
                        {
                            ct.ThrowIfCancellationRequested();
                            inEvent = true;
                            eventLine = OriginalLine(guard, lineInfo.LineNumber);
                            builder.Reset();
                        }

                        if (!inEvent)
                        {
                            break;
                        }

                        bool empty = reader.IsEmptyElement;
                        if (!builder.StartElement(reader.LocalName))
                        {
                            // The limit is a warning the first time it cuts something, not a silent loss.
                            if (!depthReported)
                            {
                                depthReported = true;
                                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, ordinal + 1,
                                    NestingMessage(limits, guard.OriginalLine(lineInfo.LineNumber))));
                            }

                            // Skip leaves the reader on the next node already: reading again would lose it (an end tag, say).
                            reader.Skip();
                            skipped = true;
                            break;
                        }

                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns")
                                {
                                    continue;
                                }

                                builder.StartAttribute(reader.LocalName);
                                builder.AppendText(reader.Value);
                                builder.EndAttribute();
                            }
                            while (reader.MoveToNextAttribute());

                            reader.MoveToElement();
                        }

                        if (empty)
                        {
                            EndElement(builder, input, ref ordinal, ref inEvent, eventLine, result, strings);
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                        if (inEvent)
                        {
                            AppendText(reader, builder, textChunk);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (inEvent)
                        {
                            EndElement(builder, input, ref ordinal, ref inEvent, eventLine, result, strings);
                        }

                        break;
                }

                if (result.Records.Count >= limits.MaxEventRecords)
                {
                    result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, ordinal,
                        string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxEventRecords} event records; the rest were not read")));
                    return;
                }

                more = skipped ? reader.ReadState == ReadState.Interactive : reader.Read();
            }

            // Cuts after the last node (in the closing tags) are reported too.
            ReportCuts(guard, int.MaxValue, int.MaxValue, Math.Max(ordinal, 1), input, limits, result, strings, ref depthReported);
        }
        catch (XmlException exception)
        {
            // Cuts the parser reached before the fault come first; the guard's later ones were never parsed.
            ReportCuts(guard, exception.LineNumber, exception.LinePosition, ordinal + 1, input, limits, result, strings, ref depthReported);
            long line = guard.OriginalLine(exception.LineNumber);
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, ordinal + 1,
                string.Create(CultureInfo.InvariantCulture, $"XML is malformed at line {line}, position {exception.LinePosition}: {exception.Message}; events after it not read")));
            if (result.Records.Count == 0 && ordinal == 0)
            {
                throw new EventLogReadException(input.DisplayName, 0,
                    string.Create(CultureInfo.InvariantCulture, $"not readable as XML (line {line}, position {exception.LinePosition})"));
            }
        }
    }

    /// <summary>
    /// Reports what the guard cut once the parser has reached it: the guard reads ahead of the parser,
    /// so the record is the event being read (or the next one) when the parser passes the cut.
    /// </summary>
    private static void ReportCuts(XmlMarkupGuard guard, int line, int column, long record, AnalysisInput input, AnalysisLimits limits,
        EventLogReadResult result, StringLimit strings, ref bool depthReported)
    {
        while (guard.TryTakeCut(line, column, out XmlCut cut))
        {
            switch (cut.Kind)
            {
                case XmlCutKind.Value:
                    strings.Reached(null, record, result.Diagnostics, string.Create(CultureInfo.InvariantCulture, $" at line {cut.Line}"));
                    break;
                case XmlCutKind.Nesting when !depthReported:
                    depthReported = true;
                    result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, record, NestingMessage(limits, cut.Line)));
                    break;
                case XmlCutKind.Attributes:
                    result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, record, string.Create(CultureInfo.InvariantCulture,
                        $"an element with more than {XmlMarkupGuard.MaxAttributesPerElement} attributes at line {cut.Line}; the rest of its attributes were skipped")));
                    break;
            }
        }
    }

    private static string NestingMessage(AnalysisLimits limits, long line) =>
        string.Create(CultureInfo.InvariantCulture, $"XML nested deeper than {limits.MaxXmlDepth} levels at line {line}; deeper elements were skipped");

    private static int OriginalLine(XmlMarkupGuard guard, int outputLine) => (int)Math.Min(int.MaxValue, guard.OriginalLine(outputLine));

    /// <summary>
    /// Text in pieces: <see cref="XmlReader.Value"/> would build the whole node as one string first, so
    /// a crafted 1 GB value would cost gigabytes before the string limit could cut it.
    /// </summary>
    private static void AppendText(XmlReader reader, EventXmlBuilder builder, char[] chunk)
    {
        if (!reader.CanReadValueChunk)
        {
            builder.AppendText(reader.Value);
            return;
        }

        int read;
        while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            builder.AppendText(chunk.AsSpan(0, read));
        }
    }

    private static void EndElement(EventXmlBuilder builder, AnalysisInput input, ref long ordinal, ref bool inEvent, int eventLine,
        EventLogReadResult result, StringLimit strings)
    {
        builder.EndElement();
        if (builder.Depth != 0)
        {
            return;
        }

        inEvent = false;
        ordinal++;
        EventRecord record = builder.Build(input.Index, builder.EventRecordId ?? ordinal, null, null);
        record.SourceLine = eventLine;
        if (builder.StringCut)
        {
            strings.Reached(null, ordinal, result.Diagnostics, string.Create(CultureInfo.InvariantCulture, $" in the event at line {eventLine}"));
        }

        result.Records.Add(record);
    }
}

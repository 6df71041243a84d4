namespace Analyzer.EventLogs.Xml;

/// <summary>What <see cref="XmlMarkupGuard"/> removed to keep an XML export's memory bounded.</summary>
internal enum XmlCutKind
{
    /// <summary>A name, attribute value, CDATA section or reference longer than the string limit.</summary>
    Value,

    /// <summary>Elements nested deeper than the parser is allowed to track.</summary>
    Nesting,

    /// <summary>Attributes beyond <see cref="XmlMarkupGuard.MaxAttributesPerElement"/> on one element.</summary>
    Attributes,
}

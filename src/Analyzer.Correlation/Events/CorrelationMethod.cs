namespace Analyzer.Correlation.Events;

/// <summary>How a record was tied to a capture: the values of <see cref="CorrelatedEvent.How"/>.</summary>
public static class CorrelationMethod
{
    /// <summary>The record carries the IKE SA's initiator (and responder) cookie.</summary>
    public const string Cookies = "cookies";

    /// <summary>The record carries an ESP SPI seen in the capture.</summary>
    public const string Spi = "spi";

    /// <summary>The record's addresses match an IKE SA's and its time falls inside the SA's span (after clock correction).</summary>
    public const string EndpointsAndTime = "endpoints-and-time";

    /// <summary>The record has no time (foreground xl2tpd output): matched to an L2TP tunnel by addresses only.</summary>
    public const string Endpoints = "endpoints";
}

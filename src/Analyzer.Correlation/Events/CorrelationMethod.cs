namespace Analyzer.Correlation.Events;

/// <summary>How a record was tied to a capture (<see cref="CorrelatedEvent.How"/>); spelled by <see cref="CorrelationMethods.Name"/>.</summary>
public enum CorrelationMethod : byte
{
    /// <summary>The record carries the IKE SA's initiator (and responder) cookie.</summary>
    Cookies,

    /// <summary>The record carries an ESP SPI seen in the capture.</summary>
    Spi,

    /// <summary>The record's addresses match an IKE SA's and its time falls inside the SA's span (after clock correction).</summary>
    EndpointsAndTime,

    /// <summary>The record has no time (foreground xl2tpd output): matched to an L2TP tunnel by addresses only.</summary>
    Endpoints,
}

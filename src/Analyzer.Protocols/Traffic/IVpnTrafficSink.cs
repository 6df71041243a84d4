using Analyzer.Core;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// What the decode stage feeds: the session stage implements it. Calls come in frame order from
/// one thread per capture.
/// </summary>
public interface IVpnTrafficSink
{
    void OnDatagram(in VpnDatagram datagram);

    /// <summary>A fragmented datagram given up at timeout, limit or end of capture.</summary>
    void OnIncompleteDatagram(IncompleteIpDatagram datagram);

    void OnDiagnostic(InputDiagnostic diagnostic);
}

namespace Analyzer.Protocols.Ip;

/// <summary>Whether a fragmented datagram matters to vpndiag, known once its first fragment is seen.</summary>
internal enum FragmentRelevance : byte
{
    /// <summary>The first fragment has not arrived: keep the bytes in case it is VPN traffic.</summary>
    Unknown,
    Vpn,
    /// <summary>Not VPN traffic: only track which fragments came, keep no bytes.</summary>
    Ignored,
}

namespace Analyzer.Protocols.Traffic;

[Flags]
public enum DatagramFlags : byte
{
    None = 0,
    /// <summary>The capture holds fewer bytes than were on the wire (snaplen): decode as far as it goes.</summary>
    Truncated = 1,
    /// <summary>Rebuilt from IP fragments.</summary>
    Reassembled = 2,
    /// <summary>The UDP/TCP checksum was present and did not match.</summary>
    BadTransportChecksum = 4,
    /// <summary>The IPv4 header checksum did not match.</summary>
    BadIpChecksum = 8,
    /// <summary>Not on the wire as such: the inner packet of an ESP packet vpndiag decrypted (see <see cref="VpnDatagram.EncapsulatingSpi"/>).</summary>
    Decrypted = 16,
}

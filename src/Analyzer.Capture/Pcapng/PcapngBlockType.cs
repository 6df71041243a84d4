namespace Analyzer.Capture.Pcapng;

/// <summary>Block types of draft-ietf-opsawg-pcapng §11.1 that vpndiag reads or must recognise to resynchronise.</summary>
internal enum PcapngBlockType : uint
{
    InterfaceDescription = 0x00000001,
    /// <summary>Obsolete Packet Block.</summary>
    Packet = 0x00000002,
    SimplePacket = 0x00000003,
    NameResolution = 0x00000004,
    InterfaceStatistics = 0x00000005,
    EnhancedPacket = 0x00000006,
    /// <summary>Wireshark shows systemd journal entries as frames, so they take a frame number.</summary>
    SystemdJournalExport = 0x00000009,
    DecryptionSecrets = 0x0000000A,
    CustomCopiable = 0x00000BAD,
    CustomNotCopiable = 0x40000BAD,
    SectionHeader = 0x0A0D0D0A,
}

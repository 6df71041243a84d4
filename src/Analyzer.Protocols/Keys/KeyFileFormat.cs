namespace Analyzer.Protocols.Keys;

/// <summary>The key file formats vpndiag reads, each recognised by its content.</summary>
public enum KeyFileFormat : byte
{
    Unknown,
    /// <summary>Wireshark's ikev1_decryption_table: initiator cookie, encryption key.</summary>
    Ikev1Table,
    /// <summary>Wireshark's ikev2_decryption_table.</summary>
    Ikev2Table,
    /// <summary>Wireshark's esp_sa table.</summary>
    EspSaTable,
    /// <summary><c>ip xfrm state</c> output with keys.</summary>
    XfrmState,
    /// <summary>A strongSwan charon log at "ike 4"/"chd 4", which prints the keys it derives.</summary>
    CharonLog,
}

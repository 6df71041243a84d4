using System.Globalization;
using System.Text;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// Wireshark's IKEv2 decryption table, the <c>ikev2_decryption_table</c> UAT file (packet-isakmp.c):
/// per line initiator SPI, responder SPI, SK_ei, SK_er, encryption algorithm, SK_ai, SK_ar,
/// integrity algorithm. SPIs and keys are bare hex; the algorithms are quoted value strings
/// ("AES-CBC-256 [RFC3602]", "HMAC_SHA2_256_128 [RFC4868]").
/// </summary>
public static class Ikev2DecryptionTable
{
    private const int FieldCount = 8;
    private const int SpiBytes = 8;

    public static KeyReadResult Read(TextReader reader, string origin, KeyStore store)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(store);
        return UatLine.ReadRecords<Ikev2SaKey>(reader, origin, FieldCount, "expected SPIi, SPIr, SK_ei, SK_er, encryption, SK_ai, SK_ar, integrity", TryRead, store.Add);
    }

    public static string Write(IEnumerable<Ikev2SaKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var builder = new StringBuilder();
        foreach (Ikev2SaKey key in keys.OrderBy(k => k.InitiatorSpi).ThenBy(k => k.ResponderSpi))
        {
            builder.Append(key.InitiatorSpi.ToString("x16", CultureInfo.InvariantCulture)).Append(',')
                .Append(key.ResponderSpi.ToString("x16", CultureInfo.InvariantCulture)).Append(',')
                .Append(Convert.ToHexStringLower(key.InitiatorEncryptionKey)).Append(',')
                .Append(Convert.ToHexStringLower(key.ResponderEncryptionKey)).Append(',')
                .Append(UatLine.Quote(key.Encryption.WiresharkName)).Append(',')
                .Append(Convert.ToHexStringLower(key.InitiatorIntegrityKey)).Append(',')
                .Append(Convert.ToHexStringLower(key.ResponderIntegrityKey)).Append(',')
                .Append(UatLine.Quote(key.Integrity.WiresharkName)).Append('\n');
        }

        return builder.ToString();
    }

    private static bool TryRead(List<string> fields, string origin, out Ikev2SaKey? key, out string? reason)
    {
        key = null;
        if (!UatLine.TryParseHex(fields[0], out byte[] spiI) || spiI.Length != SpiBytes
            || !UatLine.TryParseHex(fields[1], out byte[] spiR) || spiR.Length != SpiBytes)
        {
            reason = "the SPIs must be 16 hex digits each";
            return false;
        }

        if (Ikev2Algorithms.FromWireshark(fields[4]) is not Ikev2Encryption encryption)
        {
            reason = "encryption algorithm not one vpndiag decrypts: " + fields[4].Trim();
            return false;
        }

        if (Ikev2Algorithms.IntegrityFromWireshark(fields[7]) is not Ikev2Integrity integrity)
        {
            reason = "integrity algorithm not one vpndiag checks: " + fields[7].Trim();
            return false;
        }

        if (!UatLine.TryParseHex(fields[2], out byte[] ei) || !UatLine.TryParseHex(fields[3], out byte[] er)
            || ei.Length != encryption.KeyMaterialBytes || er.Length != encryption.KeyMaterialBytes)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"SK_ei and SK_er must be {encryption.KeyMaterialBytes} bytes of hex for {encryption.WiresharkName}");
            return false;
        }

        byte[] ai = [];
        byte[] ar = [];
        if (!encryption.IsCombined && integrity.Checked
            && (!UatLine.TryParseHex(fields[5], out ai) || !UatLine.TryParseHex(fields[6], out ar) || ai.Length != integrity.KeyBytes || ar.Length != integrity.KeyBytes))
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"SK_ai and SK_ar must be {integrity.KeyBytes} bytes of hex for {integrity.WiresharkName}");
            return false;
        }

        reason = null;
        key = new Ikev2SaKey
        {
            InitiatorSpi = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(spiI),
            ResponderSpi = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(spiR),
            Encryption = encryption,
            InitiatorEncryptionKey = ei,
            ResponderEncryptionKey = er,
            Integrity = encryption.IsCombined ? Ikev2Algorithms.None : integrity,
            InitiatorIntegrityKey = ai,
            ResponderIntegrityKey = ar,
            Origin = origin,
        };
        return true;
    }
}

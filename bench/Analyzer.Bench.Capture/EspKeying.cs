using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Analyzer.Bench.Capture;

/// <summary>
/// The generator's ESP SAs with keys (RFC 4303 tunnel mode, AES-128-CBC per RFC 3602 with
/// HMAC-SHA1-96 per RFC 2404), one per tunnel SPI, and the Wireshark <c>esp_sa</c> table that both
/// vpndiag (<c>--keys</c>) and tshark (<c>-o uat:esp_sa:…</c>) read, so that both decrypt every
/// bulk ESP packet of the file with the same keys. Keys come from their own seeded generator, so
/// a file with keys differs from the one without only inside the ESP payloads.
/// </summary>
internal sealed class EspKeying
{
    /// <summary>SPI, sequence number, IV.</summary>
    public const int PlaintextStart = 8 + IvLength;

    /// <summary>Header, IV, and the 12-byte ICV; the ciphertext in between is whole blocks.</summary>
    public const int Overhead = PlaintextStart + IcvLength;

    private const int IvLength = 16;
    private const int IcvLength = 12;
    private const byte NextHeaderIpv4 = 4;

    private readonly uint[] _spis;
    private readonly Aes[] _ciphers;
    private readonly byte[][] _encryptionKeys;
    private readonly byte[][] _integrityKeys;
    private readonly Random _random;
    private readonly byte[] _block = new byte[16384];

    public EspKeying(uint[] spis, int seed = 4303)
    {
        _spis = spis;
        _random = new Random(seed);
        _ciphers = new Aes[spis.Length];
        _encryptionKeys = new byte[spis.Length][];
        _integrityKeys = new byte[spis.Length][];
        for (int i = 0; i < spis.Length; i++)
        {
            _encryptionKeys[i] = new byte[16];
            _integrityKeys[i] = new byte[20];
            _random.NextBytes(_encryptionKeys[i]);
            _random.NextBytes(_integrityKeys[i]);
            _ciphers[i] = Aes.Create();
            _ciphers[i].Key = _encryptionKeys[i];
        }
    }

    /// <summary>
    /// Turns <paramref name="esp"/> (SPI and sequence written, the inner datagram's payload in
    /// place after the IV and the two inner headers) into an ESP packet: inner headers, trailer,
    /// IV, ciphertext, ICV.
    /// </summary>
    public void Seal(Span<byte> esp, int tunnel)
    {
        int ciphertextLength = esp.Length - Overhead;
        Span<byte> plaintext = esp.Slice(PlaintextStart, ciphertextLength);
        int innerLength = ciphertextLength - 2; // no padding: the length is whole blocks already

        Span<byte> inner = plaintext[..innerLength];
        inner[0] = 0x45;
        inner[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(inner[2..], (ushort)innerLength);
        BinaryPrimitives.WriteUInt32BigEndian(inner[4..], 0x4000_0000u); // id 0, don't fragment
        inner[8] = 64;
        inner[9] = 17;
        inner[10] = 0;
        inner[11] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(inner[12..], 0x0A010000u | (uint)tunnel);
        BinaryPrimitives.WriteUInt32BigEndian(inner[16..], 0x0A020001u);
        BinaryPrimitives.WriteUInt16BigEndian(inner[10..], Checksum(inner[..20]));
        BinaryPrimitives.WriteUInt16BigEndian(inner[20..], 5004);
        BinaryPrimitives.WriteUInt16BigEndian(inner[22..], 5004);
        BinaryPrimitives.WriteUInt16BigEndian(inner[24..], (ushort)(innerLength - 20));
        BinaryPrimitives.WriteUInt16BigEndian(inner[26..], 0);
        plaintext[innerLength] = 0; // pad length
        plaintext[innerLength + 1] = NextHeaderIpv4;

        Span<byte> iv = esp.Slice(8, IvLength);
        _random.NextBytes(iv);
        Span<byte> ciphertext = _block.AsSpan(0, ciphertextLength);
        _ciphers[tunnel].EncryptCbc(plaintext, iv, ciphertext, PaddingMode.None);
        ciphertext.CopyTo(plaintext);

        Span<byte> mac = stackalloc byte[20];
#pragma warning disable CA5350 // HMAC-SHA1-96 is what most IPsec peers still negotiate for ESP (RFC 2404, RFC 8221 MUST).
        HMACSHA1.HashData(_integrityKeys[tunnel], esp[..(PlaintextStart + ciphertextLength)], mac);
#pragma warning restore CA5350
        mac[..IcvLength].CopyTo(esp[(PlaintextStart + ciphertextLength)..]);
    }

    /// <summary>Wireshark's esp_sa lines: any source (raw and UDP-encapsulated share the SPI), the responder as destination.</summary>
    public string EspSaTable(string destination)
    {
        var table = new StringBuilder();
        for (int i = 0; i < _spis.Length; i++)
        {
            table.Append(CultureInfo.InvariantCulture,
                $"\"IPv4\",\"*\",\"{destination}\",\"0x{_spis[i]:x8}\",\"AES-CBC [RFC3602]\",\"0x{Convert.ToHexStringLower(_encryptionKeys[i])}\",\"HMAC-SHA-1-96 [RFC2404]\",\"0x{Convert.ToHexStringLower(_integrityKeys[i])}\"\n");
        }

        return table.ToString();
    }

    private static ushort Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}

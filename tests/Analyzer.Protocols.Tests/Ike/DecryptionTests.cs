using System.Security.Cryptography;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Testing;

namespace Analyzer.Protocols.Tests.Ike;

public sealed class DecryptionTests
{
    [Fact]
    public void Key_table_tolerates_quotes_comments_and_blank_lines()
    {
        using var reader = new StringReader("# keys\n\n\"bbfc1f0ddea19552\",\"5a1c78aabbccddee\"\n0000000000000001,00112233\n");
        Assert.True(IkeKeyTable.TryParse(reader, out IkeKeyTable table, out _, out _));
        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetKey(0xbbfc1f0ddea19552, out byte[] key));
        Assert.Equal(Convert.FromHexString("5a1c78aabbccddee"), key);
    }

    [Fact]
    public void Malformed_key_table_line_names_the_file_and_line()
    {
        string path = Path.Combine(Path.GetTempPath(), "vpndiag-keys-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, "0000000000000001,0011\nnot-a-cookie,00\n");
        try
        {
            var exception = Assert.Throws<InvalidDataException>(() => IkeKeyTable.Load(path));
            Assert.StartsWith(path + ": line 2:", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(1L, null, "DES-CBC")]
    [InlineData(5L, null, "3DES-CBC")]
    [InlineData(7L, 128L, "AES-CBC-128")]
    [InlineData(7L, 192L, "AES-CBC-192")]
    [InlineData(7L, 256L, "AES-CBC-256")]
    public void Cbc_decryption_inverts_the_platform_encryption(long encryption, long? keyLength, string name)
    {
        // Synthetic round trip: the platform encrypts, the IKE cipher decrypts with the same key and IV.
        Ikev1Cipher cipher = Ikev1Cipher.FromAttributes(encryption, keyLength)!;
        Assert.Equal(name, cipher.Name);
        byte[] key = RandomNumberGenerator.GetBytes(cipher.KeyBytes);
        byte[] iv = RandomNumberGenerator.GetBytes(cipher.BlockSize);
        byte[] plain = RandomNumberGenerator.GetBytes(cipher.BlockSize * 3);
#pragma warning disable CA5350, CA5351 // The ciphers IKEv1 peers negotiate, DES included.
        using SymmetricAlgorithm algorithm = cipher.BlockSize == 16 ? Aes.Create() : cipher.KeyBytes == 8 ? DES.Create() : TripleDES.Create();
#pragma warning restore CA5350, CA5351
        algorithm.Key = key;
        byte[] encrypted = algorithm.EncryptCbc(plain, iv, PaddingMode.None);
        Assert.Equal(plain, cipher.Decrypt(key, iv, encrypted));
    }

    [Fact]
    public void Ciphertext_that_is_not_whole_blocks_is_refused()
    {
        Ikev1Cipher cipher = Ikev1Cipher.FromAttributes(7, 128)!;
        Assert.Null(cipher.Decrypt(new byte[16], new byte[16], new byte[20]));
    }

    [Fact]
    public void Charon_log_gives_the_same_table_the_lab_stored()
    {
        string? directory = new[] { Path.Combine(RepoPaths.Samples, "captures", "healthy-psk"), "/work/wt/lab/samples/captures/healthy-psk" }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "charon-client-ike4.log")) && File.Exists(Path.Combine(d, "ikev1-decryption-table")));
        if (directory is null)
        {
            Assert.Skip("lab scenario healthy-psk with charon-client-ike4.log and ikev1-decryption-table is not present");
        }

        using StreamReader log = File.OpenText(Path.Combine(directory, "charon-client-ike4.log"));
        IkeKeyTable fromLog = CharonKeyLogReader.Read(log);
        IkeKeyTable stored = IkeKeyTable.Load(Path.Combine(directory, "ikev1-decryption-table"));
        Assert.Equal(stored.Keys.OrderBy(k => k.Key), fromLog.Keys.OrderBy(k => k.Key));
    }
}

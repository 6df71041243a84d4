using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// Reads the ESP SAs from <c>ip xfrm state</c> / <c>ip -s xfrm state</c> output (iproute2's
/// ip/ipxfrm.c; ip-xfrm(8)). Each state starts with an unindented "src A dst B" line; indented
/// lines follow: "proto esp spi 0x… reqid … mode …", and one line per algorithm:
/// <code>
///   enc cbc(aes) 0x…                    (encryption; "ecb(cipher_null)" for NULL)
///   auth hmac(sha1) 0x…                 (integrity, the kernel's default truncation)
///   auth-trunc hmac(sha256) 0x… 128     (integrity, truncation in bits)
///   aead rfc4106(gcm(aes)) 0x… 128      (combined mode, key then salt, ICV in bits)
/// </code>
/// With <c>-s</c> the SPI carries its decimal value in parentheses and each key is followed by
/// "(N bits)". States without key material (printed by unprivileged users) are skipped. An SA with
/// 64-bit Extended Sequence Numbers (RFC 4303 §2.2.1) says "flag … esn" on its "replay-window" line,
/// and ipxfrm.c's ESN replay state prints "seq-hi 0x…" (inbound) and "oseq-hi 0x…" (outbound): the
/// high 32 bits the kernel had reached, where inferring them starts.
/// </summary>
public static class XfrmStateReader
{
    public static KeyReadResult Read(TextReader reader, string origin, KeyStore store)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(store);
        var result = new KeyReadResult();
        var state = new PendingState();
        int number = 0;
        while (reader.ReadLine() is string line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]) && tokens[0] == "src")
            {
                state.Finish(origin, store, result);
                state = new PendingState { Line = number };
                if (tokens.Length >= 4 && tokens[2] == "dst" && NetAddress.TryParse(tokens[1], out NetAddress source) && NetAddress.TryParse(tokens[3], out NetAddress destination))
                {
                    state.Source = source;
                    state.Destination = destination;
                }
                else
                {
                    result.Problem(number, "a state's first line must be \"src ADDRESS dst ADDRESS\"");
                    state.Broken = true;
                }

                continue;
            }

            switch (tokens[0])
            {
                case "proto":
                    ReadProto(tokens, state);
                    break;
                case "enc" when tokens.Length >= 2:
                    state.EncryptionName = tokens[1];
                    state.EncryptionKey = KeyToken(tokens, 2, out _);
                    break;
                case "aead" when tokens.Length >= 2:
                    state.EncryptionName = tokens[1];
                    state.EncryptionKey = KeyToken(tokens, 2, out int afterAead);
                    state.AeadIcvBits = NumberAt(tokens, afterAead);
                    break;
                case "replay-window":
                    state.Esn |= FlagsIncludeEsn(tokens);
                    break;
                case "anti-replay":
                    state.Esn |= tokens.Contains("esn");
                    break;
                case "seq-hi" or "oseq-hi":
                    ReadSequenceHigh(tokens, state);
                    break;
                case "auth" or "auth-trunc" when tokens.Length >= 2:
                    state.IntegrityName = tokens[1];
                    state.IntegrityKey = KeyToken(tokens, 2, out int afterAuth);
                    state.TruncationBits = tokens[0] == "auth-trunc" ? NumberAt(tokens, afterAuth) : null;
                    break;
            }
        }

        state.Finish(origin, store, result);
        return result;
    }

    /// <summary>"replay-window 0 seq 0x00000000 flag af-unspec esn": the flags follow "flag".</summary>
    private static bool FlagsIncludeEsn(string[] tokens)
    {
        int flag = Array.IndexOf(tokens, "flag");
        return flag >= 0 && Array.IndexOf(tokens, "esn", flag + 1) > flag;
    }

    /// <summary>" seq-hi 0x1, seq 0x24, oseq-hi 0x0, oseq 0x0": the larger high word (the state is one direction; the other is 0).</summary>
    private static void ReadSequenceHigh(string[] tokens, PendingState state)
    {
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i] is "seq-hi" or "oseq-hi")
            {
                string value = tokens[i + 1].TrimEnd(',');
                bool hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                if (uint.TryParse(hex ? value[2..] : value, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out uint high))
                {
                    state.SequenceHigh = Math.Max(state.SequenceHigh, high);
                }
            }
        }
    }

    private static void ReadProto(string[] tokens, PendingState state)
    {
        for (int i = 0; i + 1 < tokens.Length; i += 2)
        {
            switch (tokens[i])
            {
                case "proto":
                    state.Esp = tokens[i + 1] == "esp";
                    break;
                case "spi":
                    string spi = tokens[i + 1];
                    int paren = spi.IndexOf('(', StringComparison.Ordinal);
                    spi = paren >= 0 ? spi[..paren] : spi;
                    bool hex = spi.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                    if (uint.TryParse(hex ? spi[2..] : spi, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out uint value))
                    {
                        state.Spi = value;
                    }

                    break;
            }
        }
    }

    /// <summary>The "0x…" key at <paramref name="index"/>, if any; <paramref name="next"/> is the token after it and its "(N bits)".</summary>
    private static byte[]? KeyToken(string[] tokens, int index, out int next)
    {
        next = index;
        if (index >= tokens.Length || !tokens[index].StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        next = index + 1;
        if (next + 1 < tokens.Length && tokens[next].StartsWith('(') && tokens[next + 1].StartsWith("bits)", StringComparison.Ordinal))
        {
            next += 2;
        }

        return UatLine.TryParseHex(tokens[index], out byte[] key) ? key : null;
    }

    private static int? NumberAt(string[] tokens, int index) =>
        index < tokens.Length && int.TryParse(tokens[index], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    private sealed class PendingState
    {
        public int Line { get; init; }

        public bool Broken { get; set; }

        public bool Esp { get; set; }

        public NetAddress? Source { get; set; }

        public NetAddress? Destination { get; set; }

        public uint? Spi { get; set; }

        public string? EncryptionName { get; set; }

        public byte[]? EncryptionKey { get; set; }

        public int? AeadIcvBits { get; set; }

        public string? IntegrityName { get; set; }

        public byte[]? IntegrityKey { get; set; }

        public int? TruncationBits { get; set; }

        public bool Esn { get; set; }

        public uint SequenceHigh { get; set; }

        public void Finish(string origin, KeyStore store, KeyReadResult result)
        {
            if (Line == 0 || Broken || !Esp)
            {
                return;
            }

            if (Spi is null || EncryptionName is null)
            {
                result.Problem(Line, "ESP state without SPI or encryption line");
                return;
            }

            EspEncryption encryption = EspAlgorithms.FromXfrm(EncryptionName, AeadIcvBits ?? 0);
            bool nullCipher = encryption == EspEncryption.Null;
            if ((EncryptionKey is null && !nullCipher) || (IntegrityName is not null && IntegrityName != "digest_null" && IntegrityKey is null))
            {
                result.Problem(Line, "the state shows no key material (ip xfrm state must run as root to print keys)");
                return;
            }

            EspIntegrity integrity = EspAlgorithms.IsCombined(encryption) || IntegrityName is null
                ? EspIntegrity.Null
                : EspAlgorithms.IntegrityFromXfrm(IntegrityName, TruncationBits);
            byte[] key = EncryptionKey ?? [];
            if (encryption != EspEncryption.Unsupported && !EspAlgorithms.KeyFits(encryption, key.Length))
            {
                result.Problem(Line, string.Create(CultureInfo.InvariantCulture, $"a {key.Length}-byte key does not fit {EncryptionName}"));
                return;
            }

            store.Add(new EspSaKey
            {
                Spi = Spi,
                Source = Source,
                Destination = Destination,
                Encryption = encryption,
                EncryptionKey = key,
                Integrity = integrity,
                IntegrityKey = IntegrityKey ?? [],
                ExtendedSequenceNumbers = Esn,
                SequenceHighHint = SequenceHigh,
                Origin = origin,
            });
            result.Keys++;
        }
    }
}

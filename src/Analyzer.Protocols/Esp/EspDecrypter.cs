using System.Buffers;
using Analyzer.Core;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Esp;

/// <summary>
/// ESP decryption for one capture's decoding thread: finds the key for each packet's SPI and
/// addresses in the <see cref="KeyStore"/> once per SA, keeps that SA's cipher objects, and
/// decrypts into one buffer it owns (the inner packet is valid until the next call).
/// </summary>
public sealed class EspDecrypter : IDisposable
{
    private readonly KeyStore _keys;
    private readonly Dictionary<(uint Spi, NetAddress Source, NetAddress Destination), SaSlot> _bySa = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ushort.MaxValue + 1);

    public EspDecrypter(KeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>
    /// Decrypts one whole ESP packet; <paramref name="inner"/> is the inner packet (tunnel mode:
    /// from its IP header; transport mode: from the transport header) and <paramref name="key"/> the
    /// key used, null when none matched.
    /// </summary>
    public EspDecryptionStatus TryDecrypt(ReadOnlySpan<byte> esp, uint spi, NetAddress source, NetAddress destination,
        out ReadOnlySpan<byte> inner, out byte nextHeader, out EspSaKey? key)
    {
        inner = default;
        nextHeader = 0;
        key = null;
        var sa = (spi, source, destination);
        if (!_bySa.TryGetValue(sa, out SaSlot? slot))
        {
            EspSaKey? found = _keys.FindEsp(spi, source, destination);
            slot = new SaSlot { Decryptor = found is null ? null : new EspSaDecryptor(found) };
            _bySa[sa] = slot;
        }

        EspSaDecryptor? decryptor = slot.Decryptor;
        if (decryptor is null)
        {
            return EspDecryptionStatus.NotAttempted;
        }

        if (esp.Length > _buffer.Length)
        {
            return EspDecryptionStatus.Truncated;
        }

        key = decryptor.Key;
        EspDecryptionStatus status = decryptor.TryDecrypt(esp, _buffer, out nextHeader, out int length);
        if (status is EspDecryptionStatus.IcvMismatch or EspDecryptionStatus.BadPadding && !slot.Settled && decryptor.Key.Alternative is EspSaKey alternative)
        {
            // The source could not say which direction this SA is: the ICV decides, once for all packets.
            var other = new EspSaDecryptor(alternative);
            EspDecryptionStatus second = other.TryDecrypt(esp, _buffer, out byte otherNext, out int otherLength);
            if (second == EspDecryptionStatus.Decrypted)
            {
                decryptor.Dispose();
                slot.Decryptor = other;
                (status, nextHeader, length, key) = (second, otherNext, otherLength, alternative);
            }
            else
            {
                other.Dispose();
            }
        }

        if (status == EspDecryptionStatus.Decrypted)
        {
            slot.Settled = true;
            inner = _buffer.AsSpan(0, length);
        }

        return status;
    }

    public void Dispose()
    {
        foreach (SaSlot slot in _bySa.Values)
        {
            slot.Decryptor?.Dispose();
        }

        _bySa.Clear();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>One SA's decryptor; settled once a packet decrypted, so the alternative key is no longer tried.</summary>
    private sealed class SaSlot
    {
        public EspSaDecryptor? Decryptor { get; set; }

        public bool Settled { get; set; }
    }
}

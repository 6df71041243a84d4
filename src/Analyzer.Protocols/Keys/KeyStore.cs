using Analyzer.Core;
using Analyzer.Protocols.Ike.Decryption;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// Every key the admin supplied, from whichever files: ESP SAs, IKEv2 SAs and the IKEv1 table.
/// Filled once before decoding and read-only afterwards, so the captures of a bundle can share it.
/// An empty store costs the decode stage nothing (no decryption is attempted).
/// </summary>
public sealed class KeyStore
{
    private readonly List<EspSaKey> _esp = [];
    private readonly Dictionary<uint, List<EspSaKey>> _espBySpi = [];
    private readonly List<EspSaKey> _espAnySpi = [];
    private readonly Dictionary<(ulong, ulong), Ikev2SaKey> _ikev2 = [];
    private readonly Dictionary<ulong, string> _ikev1Origins = [];

    public IkeKeyTable Ikev1 { get; } = new();

    public IReadOnlyList<EspSaKey> EspSas => _esp;

    public IEnumerable<Ikev2SaKey> Ikev2Sas => _ikev2.Values;

    public bool IsEmpty => _esp.Count == 0 && _ikev2.Count == 0 && Ikev1.Count == 0;

    public bool HasEsp => _esp.Count > 0;

    public void Add(EspSaKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _esp.Add(key);
        if (key.Spi is uint spi)
        {
            if (!_espBySpi.TryGetValue(spi, out List<EspSaKey>? list))
            {
                _espBySpi[spi] = list = [];
            }

            list.Add(key);
        }
        else
        {
            _espAnySpi.Add(key);
        }
    }

    /// <summary>Adds an IKEv2 SA; a later file's entry for the same SPIs replaces an earlier one.</summary>
    public void Add(Ikev2SaKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _ikev2[(key.InitiatorSpi, key.ResponderSpi)] = key;
    }

    public void AddIkev1(ulong initiatorCookie, byte[] key, string origin)
    {
        Ikev1.Add(initiatorCookie, key);
        _ikev1Origins[initiatorCookie] = origin;
    }

    /// <summary>The file an IKEv1 key came from, for "decrypted with a key from FILE".</summary>
    public string? Ikev1Origin(ulong initiatorCookie) => _ikev1Origins.GetValueOrDefault(initiatorCookie);

    /// <summary>Copies every key of <paramref name="other"/> into this store.</summary>
    public void Merge(KeyStore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (EspSaKey key in other._esp)
        {
            Add(key);
        }

        foreach (Ikev2SaKey key in other._ikev2.Values)
        {
            Add(key);
        }

        foreach ((ulong cookie, byte[] key) in other.Ikev1.Keys)
        {
            AddIkev1(cookie, key, other.Ikev1Origin(cookie) ?? "a key table");
        }
    }

    /// <summary>
    /// The most specific entry for this SPI and address pair (exact SPI before a wildcard one);
    /// failing that, an entry with this SPI between other addresses: a key taken on one side of a
    /// NAT names the addresses that side saw, the capture on the other side shows others. The ICV
    /// tells whether the key is right.
    /// </summary>
    public EspSaKey? FindEsp(uint spi, NetAddress source, NetAddress destination)
    {
        if (_espBySpi.TryGetValue(spi, out List<EspSaKey>? list))
        {
            foreach (EspSaKey key in list)
            {
                if (key.Matches(spi, source, destination))
                {
                    return key;
                }
            }
        }

        foreach (EspSaKey key in _espAnySpi)
        {
            if (key.Matches(spi, source, destination))
            {
                return key;
            }
        }

        return list is { Count: > 0 } ? list[0] : null;
    }

    public Ikev2SaKey? FindIkev2(ulong initiatorSpi, ulong responderSpi) =>
        _ikev2.GetValueOrDefault((initiatorSpi, responderSpi));
}

using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Analyzer.Core;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Ike.Decryption;

/// <summary>What a charon log has shown so far about one IKE SA (one "&lt;name|id&gt;" tag) and its CHILD_SAs.</summary>
internal sealed class TaggedSa
{
    private const string Ka = "encryption key Ka";
    private static readonly string[] WantedLabels =
    [
        Ka, "Sk_ei secret", "Sk_er secret", "Sk_ai secret", "Sk_ar secret",
        "encryption initiator key", "encryption responder key", "integrity initiator key", "integrity responder key",
        "initiator SA seed",
    ];

    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.OrdinalIgnoreCase);
    private bool? _localInitiator;
    private int _version;
    private ulong _cookie;
    private ulong _responderSpi;
    private bool _ikev1Added;
    private bool _ikev2Added;
    private string? _ikeProposal;
    private string? _childEncryption;
    private string? _childIntegrity;
    private uint? _seedSpi;
    private bool? _inbound;

    public static bool Wants(string label) => Array.Exists(WantedLabels, w => string.Equals(w, label, StringComparison.OrdinalIgnoreCase));

    public int OnKey(string label, byte[] bytes, string origin, KeyStore store)
    {
        if (string.Equals(label, "initiator SA seed", StringComparison.OrdinalIgnoreCase))
        {
            // IKEv1 KEYMAT seed: protocol (1 byte), then the SPI whose SA takes the initiator keys.
            _seedSpi = bytes.Length >= 5 ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) : null;
            return 0;
        }

        if (label.StartsWith("encryption initiator", StringComparison.OrdinalIgnoreCase))
        {
            // A new CHILD_SA's keys start: forget the previous CHILD_SA's.
            _keys.Remove("encryption responder key");
            _keys.Remove("integrity initiator key");
            _keys.Remove("integrity responder key");
        }

        _keys[label] = bytes;
        if (string.Equals(label, Ka, StringComparison.OrdinalIgnoreCase))
        {
            _ikev1Added = false;
            return TryAddIkev1(origin, store);
        }

        return label.StartsWith("Sk_", StringComparison.OrdinalIgnoreCase) ? TryAddIkev2(origin, store) : 0;
    }

    public int OnSpis(bool v2, ulong initiator, ulong responder, string origin, KeyStore store)
    {
        _version = v2 ? 2 : 1;
        _cookie = initiator;
        if (responder != 0)
        {
            _responderSpi = responder;
        }

        return v2 ? TryAddIkev2(origin, store) : TryAddIkev1(origin, store);
    }

    public int OnLine(Match line, string origin, KeyStore store)
    {
        if (line.Groups["role"].Success)
        {
            _localInitiator = true;
        }
        else if (line.Groups["peer"].Success)
        {
            _localInitiator = false;
        }
        else if (line.Groups["proto"].Success)
        {
            if (line.Groups["proto"].Value == "IKE")
            {
                _ikeProposal = line.Groups["proposal"].Value;
                return TryAddIkev2(origin, store);
            }
        }
        else if (line.Groups["using"].Success)
        {
            if (line.Groups["what"].Value == "encryption")
            {
                _childEncryption = line.Groups["using"].Value;
                _childIntegrity = null;
            }
            else
            {
                _childIntegrity = line.Groups["using"].Value;
            }
        }
        else if (line.Groups["direction"].Success)
        {
            _inbound = line.Groups["direction"].Value == "inbound";
        }
        else if (line.Groups["spi"].Success && _inbound is bool inbound)
        {
            _inbound = null;
            return AddEsp(line, inbound, origin, store);
        }

        return 0;
    }

    private int TryAddIkev1(string origin, KeyStore store)
    {
        if (_ikev1Added || _version == 2 || _cookie == 0 || !_keys.TryGetValue(Ka, out byte[]? key))
        {
            return 0;
        }

        _ikev1Added = true;
        store.AddIkev1(_cookie, key, origin);
        return 1;
    }

    private int TryAddIkev2(string origin, KeyStore store)
    {
        if (_ikev2Added || _version != 2 || _cookie == 0 || _responderSpi == 0 || _ikeProposal is null
            || !_keys.TryGetValue("Sk_ei secret", out byte[]? ei) || !_keys.TryGetValue("Sk_er secret", out byte[]? er))
        {
            return 0;
        }

        Ikev2Encryption? encryption = null;
        Ikev2Integrity integrity = Ikev2Algorithms.None;
        foreach (string token in _ikeProposal.Split('/'))
        {
            encryption ??= Ikev2Algorithms.FromCharon(token) is { } e && e.KeyMaterialBytes == ei.Length ? e : null;
            if (Ikev2Algorithms.IntegrityFromCharon(token) is { } i)
            {
                integrity = i;
            }
        }

        if (encryption is null)
        {
            return 0;
        }

        byte[] ai = _keys.GetValueOrDefault("Sk_ai secret") ?? [];
        byte[] ar = _keys.GetValueOrDefault("Sk_ar secret") ?? [];
        if (!encryption.IsCombined && integrity.Checked && (ai.Length != integrity.KeyBytes || ar.Length != integrity.KeyBytes))
        {
            return 0;
        }

        _ikev2Added = true;
        store.Add(new Ikev2SaKey
        {
            InitiatorSpi = _cookie,
            ResponderSpi = _responderSpi,
            Encryption = encryption,
            InitiatorEncryptionKey = ei,
            ResponderEncryptionKey = er,
            Integrity = encryption.IsCombined ? Ikev2Algorithms.None : integrity,
            InitiatorIntegrityKey = ai,
            ResponderIntegrityKey = ar,
            Origin = origin,
        });
        return 1;
    }

    private int AddEsp(Match line, bool inbound, string origin, KeyStore store)
    {
        if (_childEncryption is null
            || !uint.TryParse(line.Groups["spi"].Value, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out uint spi)
            || !NetAddress.TryParse(line.Groups["src"].Value, out NetAddress source)
            || !NetAddress.TryParse(line.Groups["dst"].Value, out NetAddress destination)
            || !_keys.TryGetValue("encryption initiator key", out byte[]? encI) || !_keys.TryGetValue("encryption responder key", out byte[]? encR))
        {
            return 0;
        }

        EspEncryption encryption = EspAlgorithms.FromCharon(_childEncryption);
        EspIntegrity integrity = EspAlgorithms.IsCombined(encryption) || _childIntegrity is null ? EspIntegrity.Null : EspAlgorithms.IntegrityFromCharon(_childIntegrity);
        byte[] intI = _keys.GetValueOrDefault("integrity initiator key") ?? [];
        byte[] intR = _keys.GetValueOrDefault("integrity responder key") ?? [];

        // Which pair protects this SA: IKEv1's seed names the SPI outright; otherwise the log's role.
        bool? initiatorKeys = _version == 1 && _seedSpi is uint seeded
            ? seeded == spi
            : _localInitiator is bool local ? local != inbound : null;
        bool primary = initiatorKeys ?? !inbound;
        EspSaKey Build(bool useInitiator, EspSaKey? alternative) => new()
        {
            Spi = spi,
            Source = source,
            Destination = destination,
            Encryption = encryption,
            EncryptionKey = useInitiator ? encI : encR,
            Integrity = integrity,
            IntegrityKey = useInitiator ? intI : intR,
            Origin = origin,
            Alternative = alternative,
        };
        EspSaKey? swapped = _version == 1 && _seedSpi is not null ? null : Build(!primary, null);
        store.Add(Build(primary, swapped));
        return 1;
    }
}

using System.Collections.Concurrent;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Protocols.Keys;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;

namespace Analyzer.Testing;

/// <summary>
/// The one way tests run a capture through vpndiag's own decode stage into the session stage: the
/// same <see cref="TrafficReconstructor"/> <c>analyze</c> uses, every tracker and the packet ledger
/// included, so a test sees the model exactly as the later stages get it.
/// </summary>
public static class DecodedCapture
{
    private static readonly ConcurrentDictionary<string, Lazy<CaptureModel>> Models = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="Reconstruct"/> with the defaults, once per file and test process: for the tests that
    /// only read the model (the oracle comparisons over every capture), which must not change it.
    /// </summary>
    public static CaptureModel Shared(string path) =>
        Models.GetOrAdd(Path.GetFullPath(path), full => new Lazy<CaptureModel>(() => Reconstruct(full))).Value;

    /// <param name="path">The capture file (any format the reader sniffs).</param>
    /// <param name="keys">IKEv1 keys to decrypt with, or none.</param>
    /// <param name="limits">The analysis limits for the decoder and the trackers; the defaults when null.</param>
    /// <param name="inputIndex">The input's index in a bundle (frame references carry it).</param>
    /// <param name="displayName">The name diagnostics use; the file name when null.</param>
    public static CaptureModel Reconstruct(string path, IkeKeyTable? keys = null, AnalysisLimits? limits = null, int inputIndex = 0, string? displayName = null)
    {
        KeyStore? store = null;
        if (keys is not null)
        {
            store = new KeyStore();
            foreach ((ulong cookie, byte[] key) in keys.Keys)
            {
                store.AddIkev1(cookie, key, "ikev1_decryption_table");
            }
        }

        return Reconstruct(path, store, limits, inputIndex, displayName);
    }

    /// <summary>As above with every kind of key (ESP keys decrypt in the decode stage, IKE keys in the session stage).</summary>
    public static CaptureModel Reconstruct(string path, KeyStore? keys, AnalysisLimits? limits = null, int inputIndex = 0, string? displayName = null)
    {
        limits ??= AnalysisLimits.Default;
        var input = new AnalysisInput(inputIndex, path, displayName ?? Path.GetFileName(path), InputKind.Unknown);
        var reconstructor = new TrafficReconstructor(input, limits, keys);
        DecodeSummary summary = CaptureDecoder.Decode(input, reconstructor, limits, CancellationToken.None, keys: keys);
        return reconstructor.Complete(summary);
    }
}

using Analyzer.Core;

namespace Analyzer.Protocols.Traffic;

/// <summary>What one capture held, counted while decoding: for the report's input table and for sanity checks.</summary>
public sealed class DecodeSummary
{
    private readonly long[] _byKind = new long[Enum.GetValues<TrafficKind>().Length];

    /// <summary>Packet records read (Wireshark's frame count).</summary>
    public long Frames { get; internal set; }

    /// <summary>Captured bytes of all frames.</summary>
    public long Bytes { get; internal set; }

    public Timestamp? FirstTime { get; internal set; }

    public Timestamp? LastTime { get; internal set; }

    /// <summary>Frames decoded and found not VPN-relevant (background traffic).</summary>
    public long OtherFrames { get; internal set; }

    /// <summary>Frames snaplen cut short (captured length less than on the wire).</summary>
    public long TruncatedFrames { get; internal set; }

    /// <summary>Packets dropped as the second copy of one a forwarding host captured on two interfaces (<see cref="InterfaceEchoFilter"/>).</summary>
    public long InterfaceEchoes { get; internal set; }

    /// <summary>The file offset where the end of the file cut the last record short; null when the file ends cleanly.</summary>
    public long? EndCutAt { get; internal set; }

    /// <summary>The frame number of that cut record, when it was a packet record.</summary>
    public long? EndCutFrame { get; internal set; }

    /// <summary>The longest frame snaplen cut: every cut frame stops at the snapshot length, so this is it (0 when none was cut).</summary>
    public int SnapLength { get; internal set; }

    /// <summary>Frames whose link or IP headers could not be decoded (cut short, malformed, unknown link type).</summary>
    public long UndecodableFrames { get; internal set; }

    /// <summary>VPN datagrams with a bad IPv4 header or UDP/TCP checksum (often offload on the capturing host).</summary>
    public long ChecksumErrors { get; internal set; }

    /// <summary>IP fragments seen (of any protocol).</summary>
    public long Fragments { get; internal set; }

    /// <summary>VPN datagrams rebuilt from fragments.</summary>
    public long ReassembledDatagrams { get; internal set; }

    /// <summary>VPN datagrams whose fragments never all arrived.</summary>
    public long IncompleteDatagrams { get; internal set; }

    /// <summary>Damaged records the reader skipped.</summary>
    public long DamagedRecords { get; internal set; }

    /// <summary>Diagnostics reported for this capture (reader and decoder).</summary>
    public long Diagnostics { get; internal set; }

    public InputKind Format { get; internal set; }

    /// <summary>ESP packets decrypted with a supplied key (ICV, padding and next header sound).</summary>
    public long DecryptedEsp { get; internal set; }

    /// <summary>ESP packets that had a key but did not decrypt (ICV mismatch, bad padding, cut short, unsupported).</summary>
    public long EspDecryptionFailures { get; internal set; }

    /// <summary>VPN datagrams found inside decrypted ESP (L2TP, IKE...), not counted in <see cref="Count"/>.</summary>
    public long DecryptedDatagrams { get; internal set; }

    public bool Compressed { get; internal set; }

    /// <summary>VPN datagrams handed to the sink, all kinds together.</summary>
    public long VpnDatagrams
    {
        get
        {
            long total = 0;
            foreach (long count in _byKind)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Datagrams of one kind handed to the sink.</summary>
    public long Count(TrafficKind kind) => (uint)kind < (uint)_byKind.Length ? _byKind[(int)kind] : 0;

    /// <summary>Every kind with a non-zero count.</summary>
    public IReadOnlyDictionary<TrafficKind, long> CountsByKind
    {
        get
        {
            var counts = new Dictionary<TrafficKind, long>();
            for (int i = 0; i < _byKind.Length; i++)
            {
                if (_byKind[i] != 0)
                {
                    counts[(TrafficKind)i] = _byKind[i];
                }
            }

            return counts;
        }
    }

    internal void CountKind(TrafficKind kind) => _byKind[(int)kind]++;
}

namespace Analyzer.Sessions.Esp;

/// <summary>
/// Sequence-number bookkeeping for one SPI and direction, after the receiver's anti-replay window
/// (RFC 4303 §3.4.3, 64 packets): duplicates inside the window, reordering, counter resets, and
/// loss as the numbers between the first and the highest that never arrived.
/// </summary>
internal struct EspSequenceWindow
{
    public const int Size = 64;

    /// <summary>A number this low after this many packets means the sender restarted its counter.</summary>
    private const uint ResetCeiling = Size;
    private const ulong ResetFloor = 2 * Size;

    private bool _started;
    private ulong _first;
    private ulong _highest;
    private ulong _bitmap;
    private long _epochPackets;
    private long _epochDuplicates;
    private long _closedGaps;

    public long Duplicates { get; private set; }

    public long OutOfOrder { get; private set; }

    public long Resets { get; private set; }

    public uint FirstSequence { get; private set; }

    public readonly uint HighestSequence => (uint)_highest;

    /// <summary>Numbers never seen between the first and the highest of each counter run.</summary>
    public readonly long Gaps => _closedGaps + OpenGaps;

    private readonly long OpenGaps => _started ? Math.Max(0, (long)(_highest - _first + 1) - (_epochPackets - _epochDuplicates)) : 0;

    public void Observe(uint sequence)
    {
        if (!_started)
        {
            _started = true;
            FirstSequence = sequence;
            Start(sequence);
            return;
        }

        ulong extended = Extend(sequence);
        _epochPackets++;
        if (extended > _highest)
        {
            ulong shift = extended - _highest;
            _bitmap = shift >= Size ? 1UL : (_bitmap << (int)shift) | 1UL;
            _highest = extended;
            return;
        }

        ulong behind = _highest - extended;
        if (behind < Size)
        {
            ulong bit = 1UL << (int)behind;
            if ((_bitmap & bit) != 0)
            {
                Duplicates++;
                _epochDuplicates++;
            }
            else
            {
                _bitmap |= bit;
                OutOfOrder++;
            }

            return;
        }

        if (sequence <= ResetCeiling && _highest >= ResetFloor)
        {
            // Far behind and near 1: a new counter run under the same SPI, not a late packet.
            _epochPackets--;
            _closedGaps += OpenGaps;
            Resets++;
            Start(sequence);
            return;
        }

        // Older than the window: a receiver would drop it as a replay; it is counted, not judged.
        OutOfOrder++;
    }

    private void Start(uint sequence)
    {
        _first = sequence;
        _highest = sequence;
        _bitmap = 1;
        _epochPackets = 1;
        _epochDuplicates = 0;
    }

    /// <summary>Extended sequence numbers (RFC 4303 §2.2.1) show only their low 32 bits: carry over a wrap.</summary>
    private readonly ulong Extend(uint sequence)
    {
        ulong high = _highest & 0xFFFF_FFFF_0000_0000UL;
        uint low = (uint)_highest;
        if (low > 0xFFFF_0000u && sequence < 0x0001_0000u)
        {
            high += 1UL << 32;
        }

        return high | sequence;
    }
}

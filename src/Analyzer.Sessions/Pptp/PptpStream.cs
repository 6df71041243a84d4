using System.Buffers.Binary;

namespace Analyzer.Sessions.Pptp;

/// <summary>
/// One direction of a PPTP control connection: TCP segment data appended in sequence order (repeats
/// dropped by TCP sequence number where the IP packet is at hand), so that messages split over
/// segments or packed together come out whole. Bounded: PPTP messages are at most a few hundred bytes.
/// </summary>
internal sealed class PptpStream
{
    public const int Capacity = 4096;

    private readonly byte[] _buffer = new byte[Capacity];
    private uint? _nextSequence;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(0, Length);

    /// <summary>
    /// Adds a segment's data. Returns false when bytes before it were lost (the buffer is cleared and
    /// reading restarts at this segment) or the buffer overflowed.
    /// </summary>
    public bool Append(ReadOnlySpan<byte> data, uint? sequence)
    {
        bool continuous = true;
        if (sequence is uint seq && _nextSequence is uint next)
        {
            int ahead = (int)(seq - next);
            if (ahead < 0)
            {
                // Retransmission: keep only the part not seen yet.
                int seen = -ahead;
                if (seen >= data.Length)
                {
                    return true;
                }

                data = data[seen..];
                seq += (uint)seen;
            }
            else if (ahead > 0)
            {
                Length = 0;
                continuous = false;
            }

            _nextSequence = seq + (uint)data.Length;
        }
        else if (sequence is uint first)
        {
            _nextSequence = first + (uint)data.Length;
        }

        if (Length + data.Length > Capacity)
        {
            Length = 0;
            return false;
        }

        data.CopyTo(_buffer.AsSpan(Length));
        Length += data.Length;
        return continuous;
    }

    public void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, Length - count);
        Length -= count;
    }

    public void Clear() => Length = 0;

    /// <summary>The TCP sequence number of a segment inside its IP packet (IPv4, or IPv6 with TCP as the first next header), or null.</summary>
    public static uint? TcpSequence(ReadOnlySpan<byte> ipPacket)
    {
        if (ipPacket.IsEmpty)
        {
            return null;
        }

        int version = ipPacket[0] >> 4;
        int tcpOffset;
        if (version == 4)
        {
            tcpOffset = (ipPacket[0] & 0x0F) * 4;
            if (ipPacket.Length < 20 || ipPacket[9] != 6)
            {
                return null;
            }
        }
        else if (version == 6)
        {
            tcpOffset = 40;
            if (ipPacket.Length < 40 || ipPacket[6] != 6)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        return ipPacket.Length >= tcpOffset + 8 ? BinaryPrimitives.ReadUInt32BigEndian(ipPacket[(tcpOffset + 4)..]) : null;
    }
}

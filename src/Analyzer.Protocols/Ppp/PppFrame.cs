using Analyzer.Core;

namespace Analyzer.Protocols.Ppp;

/// <summary>
/// The start of a PPP frame as it arrives in L2TP, GRE, PPPoE or on a PPP link (RFC 1661 §2):
/// an optional HDLC address/control pair (0xFF 0x03, RFC 1662) and the protocol field, one byte
/// when Protocol-Field-Compression made it odd, else two.
/// </summary>
public readonly record struct PppFrame(ushort Protocol, int HeaderLength, bool HadAddressControl)
{
    public static bool TryRead(ReadOnlySpan<byte> frame, out PppFrame header, out ParseError error)
    {
        header = default;
        error = default;
        int offset = 0;
        bool addressControl = false;
        if (frame.Length >= 2 && frame[0] == 0xFF && frame[1] == 0x03)
        {
            offset = 2;
            addressControl = true;
        }

        if (frame.Length <= offset)
        {
            error = ParseError.Truncated(offset, 1, frame.Length - offset);
            return false;
        }

        if ((frame[offset] & 1) != 0)
        {
            // Protocol numbers always have an odd low octet (RFC 1661 §2); an odd first byte is a compressed field.
            header = new PppFrame(frame[offset], offset + 1, addressControl);
            return true;
        }

        if (frame.Length < offset + 2)
        {
            error = ParseError.Truncated(offset, 2, frame.Length - offset);
            return false;
        }

        header = new PppFrame((ushort)((frame[offset] << 8) | frame[offset + 1]), offset + 2, addressControl);
        return true;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Analyzer.Core;

namespace Analyzer.Reporting.Redaction;

/// <summary>
/// Finds IPv4 and IPv6 addresses in free text, in every spelling the report and the daemons use:
/// bare, bracketed with a port, charon's "addr[port]", with a colon or full stop after it
/// ("… 2001:db8::2: first packet" once let an IPv6 address through because the trailing colon made
/// the candidate unparsable). The scrubber and the last-line check both use it, so what one
/// replaces the other would see.
/// </summary>
internal static partial class AddressTokens
{
    public static List<AddressToken> Find(string text)
    {
        var tokens = new List<AddressToken>();
        if (text.Length < 2)
        {
            return tokens;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            foreach (Match match in Ipv6Candidate().Matches(text))
            {
                if (LongestV6(text, match.Index, match.Length) is (int length, NetAddress address))
                {
                    tokens.Add(WithPort(text, match.Index, length, address));
                }
            }
        }

        foreach (Match match in Ipv4().Matches(text))
        {
            if (Overlaps(tokens, match.Index) || !TryV4(match, out NetAddress address))
            {
                continue;
            }

            tokens.Add(WithPort(text, match.Index, match.Length, address));
        }

        tokens.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var separate = new List<AddressToken>(tokens.Count);
        foreach (AddressToken token in tokens)
        {
            if (separate.Count > 0)
            {
                AddressToken previous = separate[^1];
                if (token.Index < previous.Index + previous.Length)
                {
                    continue; // inside the previous address ("::ffff:192.0.2.1")
                }

                if (previous.PortLength > 0 && token.Index < previous.PortIndex + previous.PortLength)
                {
                    // What looked like the previous address's port starts this address: it was no port.
                    separate[^1] = previous with { PortIndex = 0, PortLength = 0, Port = 0 };
                }
            }

            separate.Add(token);
        }

        return separate;
    }

    /// <summary>
    /// The longest prefix of the candidate that is an IPv6 address and ends a word (trailing colons
    /// and full stops fall away; "::bac" in "::backdrop" is no address).
    /// </summary>
    private static (int Length, NetAddress Address)? LongestV6(string text, int index, int candidateLength)
    {
        for (int length = candidateLength; length >= 2; length--)
        {
            int end = index + length;
            if (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                continue;
            }

            ReadOnlySpan<char> prefix = text.AsSpan(index, length);
            if (prefix.Count(':') >= 2 && !IsByteString(prefix) && IPAddress.TryParse(prefix, out IPAddress? ip) && ip.AddressFamily == AddressFamily.InterNetworkV6)
            {
                return (length, NetAddress.FromIPAddress(ip));
            }
        }

        return null;
    }

    /// <summary>
    /// Eight two-digit groups ("c7:2d:70:13:b7:2c:93:9a") parse as IPv6 but are bytes: an IKE SPI
    /// in a Wireshark filter, a MAC-like id. No address is written that way, so it is not one.
    /// </summary>
    private static bool IsByteString(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length != 23)
        {
            return false;
        }

        for (int i = 2; i < candidate.Length; i += 3)
        {
            if (candidate[i] != ':')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryV4(Match match, out NetAddress address)
    {
        uint value = 0;
        for (int group = 1; group <= 4; group++)
        {
            // Own parse: IPAddress reads "010" as octal; an octet over 255 makes this no address (a version, an OID).
            if (!byte.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out byte octet))
            {
                address = default;
                return false;
            }

            value = (value << 8) | octet;
        }

        address = NetAddress.FromV4(value);
        return true;
    }

    private static bool Overlaps(List<AddressToken> tokens, int index)
    {
        foreach (AddressToken token in tokens)
        {
            if (index >= token.Index && index < token.Index + token.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A port written right after the address: ":4500" (IPv4), "]:4500" (bracketed IPv6), "[4500]" (charon, racoon).</summary>
    private static AddressToken WithPort(string text, int index, int length, NetAddress address)
    {
        int end = index + length;
        int portStart = -1;
        char close = '\0';
        if (address.IsV6 && index > 0 && text[index - 1] == '[' && end + 1 < text.Length && text[end] == ']' && text[end + 1] == ':')
        {
            portStart = end + 2;
        }
        else if (!address.IsV6 && end < text.Length && text[end] == ':')
        {
            portStart = end + 1;
        }
        else if (end < text.Length && text[end] == '[')
        {
            portStart = end + 1;
            close = ']';
        }

        if (portStart < 0)
        {
            return new AddressToken(index, length, address, 0, 0, 0);
        }

        int digits = 0;
        while (portStart + digits < text.Length && digits < 6 && char.IsAsciiDigit(text[portStart + digits]))
        {
            digits++;
        }

        bool closed = close == '\0' || (portStart + digits < text.Length && text[portStart + digits] == close);
        // "192.0.2.1:192.0.2.2" is two addresses, not an address and port 192.
        bool followedByDigit = portStart + digits < text.Length && (char.IsAsciiDigit(text[portStart + digits]) || text[portStart + digits] == '.');
        if (digits == 0 || !closed || followedByDigit
            || !ushort.TryParse(text.AsSpan(portStart, digits), NumberStyles.None, CultureInfo.InvariantCulture, out ushort port))
        {
            return new AddressToken(index, length, address, 0, 0, 0);
        }

        return new AddressToken(index, length, address, portStart, digits, port);
    }

    // Candidates only (LongestV6 decides): two or more colon groups, an embedded IPv4 tail allowed.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{0,4}:){2,8}[0-9A-Fa-f.]*", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex Ipv6Candidate();

    // A dotted quad not inside a longer number or dotted run before it; "192.0.2.1.500" (tcpdump) still
    // counts. "§4.1.2.5" and "section 4.1.2.5" are RFC sections the rules cite, not addresses.
    // A full stop before it only counts after a digit: "203.0.113.10...198.51.100.20" is two addresses.
    // Six or more dotted numbers are an OID ("1.3.6.1.5.5.7.3.1", an EKU), not an address and a port.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<!\d\.)(?<!(?:§|[Ss]ection)\s?)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d)(?!\.\d+\.\d)", RegexOptions.CultureInvariant, 5000)]
    private static partial Regex Ipv4();
}

using Analyzer.Core;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Protocols.Tests.Ppp;

public sealed class PppReaderTests
{
    [Theory]
    [InlineData("ff03c021", 0xC021, 4, true)]
    [InlineData("c021", 0xC021, 2, false)]
    [InlineData("21450000", 0x0021, 1, false)]
    [InlineData("ff0321", 0x0021, 3, true)]
    public void Frame_header_handles_address_control_and_protocol_compression(string hex, int protocol, int length, bool addressControl)
    {
        Assert.True(PppFrame.TryRead(Convert.FromHexString(hex), out PppFrame frame, out _));
        Assert.Equal(new PppFrame((ushort)protocol, length, addressControl), frame);
    }

    [Theory]
    [InlineData("ff03")]
    [InlineData("ff03c0")]
    [InlineData("")]
    public void Frame_cut_inside_the_protocol_field_is_truncated(string hex)
    {
        Assert.False(PppFrame.TryRead(Convert.FromHexString(hex), out _, out ParseError error));
        Assert.Equal(ParseErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public void Control_packet_data_is_cut_to_its_length_and_padding_ignored()
    {
        Assert.True(PppControlPacket.TryRead(Convert.FromHexString("0901000812345678aaaa"), out PppControlPacket packet, out _));
        Assert.Equal((9, 1, 8, 4), (packet.Code, packet.Identifier, packet.Length, packet.Data.Length));
    }

    [Theory]
    [InlineData("01010003")]
    [InlineData("01010010")]
    public void Control_packet_length_outside_the_frame_is_bad_length_at_offset_two(string hex)
    {
        Assert.False(PppControlPacket.TryRead(Convert.FromHexString(hex), out _, out ParseError error));
        Assert.Equal((ParseErrorKind.BadLength, 2L), (error.Kind, error.Offset));
    }

    [Fact]
    public void Options_are_formatted_with_names_and_values()
    {
        // LCP Configure-Request options from frame 15 of lulu-password-pptp.pcap.
        string text = PppOptionFormatter.Format(PppProtocols.Lcp, Convert.FromHexString("020600000000" + "0305c22381" + "0506aa471106" + "0702" + "0802"));
        Assert.Equal("ACCM=0x00000000 Authentication-Protocol=MS-CHAPv2 Magic-Number=0xaa471106 Protocol-Field-Compression Address-and-Control-Field-Compression", text);
        Assert.Equal("IP-Address=192.168.2.234 Primary-DNS=0.0.0.0", PppOptionFormatter.Format(PppProtocols.Ipcp, Convert.FromHexString("0306c0a802ea" + "810600000000")));
        Assert.Equal("MPPE/MPPC=stateless,128-bit", PppOptionFormatter.Format(PppProtocols.Ccp, Convert.FromHexString("120601000040")));
    }

    [Fact]
    public void Option_with_length_below_two_stops_the_walk()
    {
        var reader = new PppOptionReader(Convert.FromHexString("0104057803010000"));
        Assert.True(reader.TryReadOption(out PppOption first, out _));
        Assert.Equal(1, first.Type);
        Assert.False(reader.TryReadOption(out _, out ParseError error));
        Assert.Equal((ParseErrorKind.BadLength, 5L), (error.Kind, error.Offset));
    }

    [Theory]
    [InlineData("c023", "PAP")]
    [InlineData("c22305", "CHAP-MD5")]
    [InlineData("c22380", "MS-CHAP")]
    [InlineData("c22381", "MS-CHAPv2")]
    [InlineData("c227", "EAP")]
    [InlineData("c0", "malformed")]
    public void Authentication_protocol_option_is_named(string hex, string name)
    {
        Assert.Equal(name, PppAuthentication.Name(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("c023", 0xC023, 0)]
    [InlineData("c22381", 0xC223, 0x81)]
    [InlineData("c22305", 0xC223, 5)]
    [InlineData("c2230000", 0xC223, 0)]
    [InlineData("c22781", 0xC227, 0)]
    public void Authentication_protocol_option_reads_as_the_protocol_number_with_the_algorithm_only_for_chap(string hex, int protocol, int algorithm)
    {
        Assert.True(PppAuthentication.TryRead(Convert.FromHexString(hex), out PppAuthenticationProtocol read));
        Assert.Equal(new PppAuthenticationProtocol((ushort)protocol, (byte)algorithm), read);
    }

    [Fact]
    public void Authentication_protocol_option_shorter_than_its_protocol_number_reads_as_nothing()
    {
        Assert.False(PppAuthentication.TryRead([0xC0], out _));
    }

    [Fact]
    public void Ms_chapv2_failure_text_gives_code_retry_version_and_message()
    {
        MsChapMessage message = MsChapMessage.Parse("E=691 R=1 C=00112233445566778899AABBCCDDEEFF V=3 M=Access denied here"u8, 4096);
        Assert.Equal(new MsChapMessage(691, true, 3, false, "Access denied here"), message);
        Assert.StartsWith("E=691 (ERROR_AUTHENTICATION_FAILURE", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ms_chapv2_success_text_gives_authenticator_and_message()
    {
        MsChapMessage message = MsChapMessage.Parse("S=0123456789ABCDEF0123456789ABCDEF01234567 M=Access granted"u8, 4096);
        Assert.Equal(new MsChapMessage(null, null, null, true, "Access granted"), message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("E=")]
    [InlineData("E=99999999999 M=x")]
    [InlineData("garbage without pairs")]
    public void Odd_ms_chap_text_never_throws(string text)
    {
        MsChapMessage message = MsChapMessage.Parse(System.Text.Encoding.ASCII.GetBytes(text), 4096);
        Assert.Null(message.ErrorCode);
    }

    [Theory]
    [InlineData(691, "ERROR_AUTHENTICATION_FAILURE")]
    [InlineData(649, "ERROR_NO_DIALIN_PERMISSION")]
    [InlineData(12345, "unknown Windows error 12345")]
    public void Windows_error_codes_are_described(int code, string start)
    {
        Assert.StartsWith(start, Analyzer.Core.WindowsErrors.Describe(code), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xC021, 9, "Echo-Request")]
    [InlineData(0x8021, 9, "unknown (9)")]
    [InlineData(0x80FD, 14, "Reset-Request")]
    [InlineData(0xC223, 4, "Failure")]
    [InlineData(0xC023, 3, "Authenticate-Nak")]
    [InlineData(0xC227, 3, "Success")]
    public void Codes_are_named_per_protocol(int protocol, byte code, string name)
    {
        Assert.Equal(name, PppCodes.Name((ushort)protocol, code));
    }

    [Fact]
    public void Peer_text_is_cut_at_the_limit_and_marked()
    {
        Assert.Equal("abc" + PeerText.CutMarker, PeerText.Decode("abcdef"u8, 3));
        Assert.Equal("\uFFFDx", PeerText.Decode([0xFF, (byte)'x'], 10));
    }

    [Theory]
    [InlineData("abc", 3, false)]
    [InlineData("abcd", 3, true)]
    [InlineData("abcdefghijklm", 3, true)]   // more than four bytes a character: cut before decoding
    public void Peer_text_says_whether_it_was_cut(string text, int limit, bool expected)
    {
        string decoded = PeerText.Decode(System.Text.Encoding.UTF8.GetBytes(text), limit, out bool cut);
        Assert.Equal(expected, cut);
        Assert.Equal(expected, decoded.EndsWith(PeerText.CutMarker, StringComparison.Ordinal));
        Assert.Equal(expected, PeerText.Cut(text, limit, out bool cutText) != text && cutText);
    }

    [Fact]
    public void Ms_chap_message_longer_than_the_limit_is_cut_and_flagged()
    {
        MsChapMessage whole = MsChapMessage.Parse("S=0123456789ABCDEF0123456789ABCDEF01234567 M=Access granted"u8, 14);
        MsChapMessage cut = MsChapMessage.Parse("S=0123456789ABCDEF0123456789ABCDEF01234567 M=Access granted"u8, 6);

        Assert.False(whole.MessageCut);
        Assert.True(cut.MessageCut);
        Assert.Equal("Access" + PeerText.CutMarker, cut.Message);
    }
}

using Analyzer.Core;
using Analyzer.Protocols.Gre;
using Analyzer.Protocols.Pptp;

namespace Analyzer.Protocols.Tests.Pptp;

public sealed class PptpAndGreTests
{
    // Frame 12 of john-samples/lulu-password-pptp.pcap: Start-Control-Connection-Reply from pptpd (tshark -x, pptp_raw).
    private const string StartReply =
        "009c00011a2b3c4d00020000010001000000000000000000000100016c6f63616c" + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "6c696e7578" + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public void Start_control_connection_reply_gives_result_host_and_vendor()
    {
        byte[] bytes = Convert.FromHexString(StartReply);
        Assert.True(PptpControlMessage.TryRead(bytes, out PptpControlMessage message, out _));
        Assert.Equal(PptpMessageType.StartControlConnectionReply, message.Type);
        Assert.Equal(156, message.Length);
        Assert.True(message.TryGetResult(out byte result, out byte error));
        Assert.Equal("1 (Successful channel establishment)", PptpNames.ResultName(message.Type, result, error));
        Assert.True(message.TryGetHostAndVendor(out ReadOnlySpan<byte> host, out ReadOnlySpan<byte> vendor));
        Assert.Equal("local", System.Text.Encoding.ASCII.GetString(host));
        Assert.Equal("linux", System.Text.Encoding.ASCII.GetString(vendor));
    }

    [Fact]
    public void Wrong_magic_cookie_is_bad_magic_at_offset_four()
    {
        byte[] bytes = Convert.FromHexString(StartReply);
        bytes[7] = 0;
        Assert.False(PptpControlMessage.TryRead(bytes, out _, out ParseError error));
        Assert.Equal((ParseErrorKind.BadMagic, 4L), (error.Kind, error.Offset));
    }

    [Fact]
    public void Message_split_over_segments_is_truncated_until_whole()
    {
        byte[] bytes = Convert.FromHexString(StartReply);
        Assert.False(PptpControlMessage.TryRead(bytes.AsSpan(0, 100), out _, out ParseError error));
        Assert.Equal(ParseErrorKind.Truncated, error.Kind);
        Assert.Equal(156, PptpControlMessage.PeekLength(bytes.AsSpan(0, 2)));
    }

    [Theory]
    [InlineData(PptpMessageType.OutgoingCallReply, 3, 0, "3 (No carrier)")]
    [InlineData(PptpMessageType.OutgoingCallReply, 2, 5, "2 (General error), error 5 (Bad-Call ID)")]
    [InlineData(PptpMessageType.CallDisconnectNotify, 1, 0, "1 (Lost carrier)")]
    [InlineData(PptpMessageType.StartControlConnectionReply, 5, 0, "5 (The protocol version of the requester is not supported)")]
    [InlineData(PptpMessageType.IncomingCallReply, 9, 0, "9 (unknown (9))")]
    public void Result_codes_are_named_per_reply_type(PptpMessageType type, byte result, byte error, string expected)
    {
        Assert.Equal(expected, PptpNames.ResultName(type, result, error));
    }

    [Fact]
    public void Enhanced_gre_gives_call_id_payload_length_sequence_and_ack()
    {
        // Frame 19 of lulu-password-pptp.pcap: GRE v1 with key, sequence and acknowledgment.
        Assert.True(GreHeader.TryRead(Convert.FromHexString("3081880b001601000000000100000001ff03"), out GreHeader gre, out _));
        Assert.True(gre.IsPptp);
        Assert.Equal((256, 22, 1u, 1u, 16), (gre.CallId, gre.PayloadLength, gre.Sequence, gre.Acknowledgment, gre.HeaderLength));
    }

    [Fact]
    public void Gre_header_cut_before_its_optional_fields_is_truncated()
    {
        Assert.False(GreHeader.TryRead(Convert.FromHexString("3081880b0016"), out _, out ParseError error));
        Assert.Equal(ParseErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public void Gre_version_above_one_is_unsupported()
    {
        Assert.False(GreHeader.TryRead(Convert.FromHexString("00020800"), out _, out ParseError error));
        Assert.Equal(ParseErrorKind.Unsupported, error.Kind);
    }
}

using Analyzer.Core;
using Analyzer.Protocols.L2tp;

namespace Analyzer.Protocols.Tests.L2tp;

public sealed class L2tpReaderTests
{
    [Fact]
    public void Data_header_with_offset_field_from_public_capture()
    {
        // packetnet/l2tp.pcap frame 1 (tshark -x, l2tp_raw), then PPP.
        Assert.True(L2tpHeader.TryRead(Convert.FromHexString("03024a32d35e0000ff03c021"), out L2tpHeader header, out _));
        Assert.False(header.IsControl);
        Assert.True(header.HasOffset);
        Assert.Equal((2, 0x4a32, 0xd35e, 8), (header.Version, header.TunnelId, header.SessionId, header.HeaderLength));
    }

    [Fact]
    public void Control_header_gives_length_ids_and_sequence_numbers()
    {
        Assert.True(L2tpHeader.TryRead(Convert.FromHexString("c802000c000700030001000200"), out L2tpHeader header, out _));
        Assert.True(header.IsControl && header.HasLength && header.HasSequence && header.ControlFlagsValid);
        Assert.Equal((12, 7, 3, 1, 2), (header.Length, header.TunnelId, header.SessionId, header.Ns, header.Nr));
        Assert.True(header.IsZlb(12));
    }

    [Fact]
    public void Control_without_sequence_bit_is_read_but_not_valid()
    {
        Assert.True(L2tpHeader.TryRead(Convert.FromHexString("c0020008023008080000"), out L2tpHeader header, out _));
        Assert.False(header.ControlFlagsValid);
    }

    [Fact]
    public void Version_three_is_recognised_without_decoding()
    {
        Assert.True(L2tpHeader.TryRead(Convert.FromHexString("c803"), out L2tpHeader header, out _));
        Assert.Equal(3, header.Version);
    }

    [Theory]
    [InlineData("c801000c", ParseErrorKind.Unsupported)]
    [InlineData("c802000c0007", ParseErrorKind.Truncated)]
    [InlineData("c8020004000700030001000200", ParseErrorKind.BadLength)]
    [InlineData("c8", ParseErrorKind.Truncated)]
    public void Malformed_headers_are_errors_not_exceptions(string hex, ParseErrorKind kind)
    {
        Assert.False(L2tpHeader.TryRead(Convert.FromHexString(hex), out _, out ParseError error));
        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public void Avp_reader_walks_each_avp_inside_its_length_and_reports_offsets()
    {
        // Message Type SCCRQ, Host Name "lac" (hidden bit clear), then vendor 311 type 5.
        byte[] body = Convert.FromHexString("8008000000000001" + "8009000000076c6163" + "0008013700050102");
        var reader = new L2tpAvpReader(body, 12);
        var seen = new List<(ushort Vendor, ushort Type, int Offset, int Length)>();
        while (reader.TryReadAvp(out L2tpAvp avp, out _))
        {
            seen.Add((avp.VendorId, avp.Type, avp.Offset, avp.Value.Length));
        }

        Assert.Equal([(0, 0, 12, 2), (0, 7, 20, 3), (311, 5, 29, 2)], seen);
    }

    [Theory]
    [InlineData("8004000000000001", 2L)]
    [InlineData("8040000000000001", 2L)]
    [InlineData("80080000", 0L)]
    public void Avp_with_bad_length_stops_the_walk_with_its_offset(string hex, long offset)
    {
        var reader = new L2tpAvpReader(Convert.FromHexString(hex), 0);
        Assert.False(reader.TryReadAvp(out _, out ParseError error));
        Assert.True(error.IsError);
        Assert.Equal(offset == 0 ? ParseErrorKind.Truncated : ParseErrorKind.BadLength, error.Kind);
        Assert.Equal(0L, error.Offset);
        Assert.False(reader.TryReadAvp(out _, out _));
    }

    public static TheoryData<ushort, string> MessageTypes => new()
    {
        { 0, "ZLB" }, { 1, "SCCRQ" }, { 2, "SCCRP" }, { 3, "SCCCN" }, { 4, "StopCCN" }, { 5, "unknown (5)" }, { 6, "HELLO" },
        { 7, "OCRQ" }, { 8, "OCRP" }, { 9, "OCCN" }, { 10, "ICRQ" }, { 11, "ICRP" }, { 12, "ICCN" }, { 13, "unknown (13)" },
        { 14, "CDN" }, { 15, "WEN" }, { 16, "SLI" }, { 99, "unknown (99)" },
    };

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void Every_message_type_has_its_rfc_name(ushort type, string name)
    {
        Assert.Equal(name, L2tpMessageTypes.Name(type));
    }

    public static TheoryData<ushort, string, L2tpMessageType, string> AvpValues => new()
    {
        { 1, "0001", L2tpMessageType.StopControlConnectionNotification, "1 (General request to clear control connection)" },
        { 1, "000200016e6f", L2tpMessageType.CallDisconnectNotify, "2 (Call disconnected for the reasons indicated in error code), error 1 (No control connection exists yet for this LAC-LNS pair), message no" },
        { 2, "0100", L2tpMessageType.StartControlConnectionRequest, "1.0" },
        { 3, "00000003", L2tpMessageType.StartControlConnectionRequest, "asynchronous, synchronous" },
        { 4, "00000002", L2tpMessageType.StartControlConnectionRequest, "analog" },
        { 5, "0102030405060708", L2tpMessageType.StartControlConnectionRequest, "0102030405060708" },
        { 6, "0680", L2tpMessageType.StartControlConnectionRequest, "1664" },
        { 7, "6c6e73", L2tpMessageType.StartControlConnectionReply, "lns" },
        { 8, "4d6963726f736f6674", L2tpMessageType.StartControlConnectionRequest, "Microsoft" },
        { 9, "0007", L2tpMessageType.StartControlConnectionRequest, "7" },
        { 10, "0004", L2tpMessageType.StartControlConnectionRequest, "4" },
        { 11, "aabb", L2tpMessageType.StartControlConnectionRequest, "aabb" },
        { 12, "001001", L2tpMessageType.CallDisconnectNotify, "cause 16, message 1" },
        { 13, "ccdd", L2tpMessageType.StartControlConnectionReply, "ccdd" },
        { 14, "0009", L2tpMessageType.IncomingCallRequest, "9" },
        { 15, "00000001", L2tpMessageType.IncomingCallRequest, "1" },
        { 19, "00000001", L2tpMessageType.IncomingCallConnected, "synchronous" },
        { 24, "00002710", L2tpMessageType.IncomingCallConnected, "10000" },
        { 29, "0002", L2tpMessageType.IncomingCallConnected, "PPP CHAP" },
        { 39, "", L2tpMessageType.IncomingCallConnected, "yes" },
        { 9, "07", L2tpMessageType.StartControlConnectionRequest, "07" },
    };

    [Theory]
    [MemberData(nameof(AvpValues))]
    public void Standard_avp_values_are_decoded(ushort type, string valueHex, L2tpMessageType carriedBy, string expected)
    {
        byte[] value = Convert.FromHexString(valueHex);
        byte[] avp = [0x80, (byte)(6 + value.Length), 0, 0, (byte)(type >> 8), (byte)type, .. value];
        var reader = new L2tpAvpReader(avp, 0);
        Assert.True(reader.TryReadAvp(out L2tpAvp read, out _));
        Assert.Equal(expected, L2tpAvpFormatter.Format(read, carriedBy, 4096));
    }

    [Theory]
    [InlineData(8, "4d6963726f736f6674", 9, false)]            // Vendor Name "Microsoft"
    [InlineData(8, "4d6963726f736f6674", 5, true)]
    [InlineData(1, "000100024279652e", 4, false)]             // Result Code 1, error 2, message "Bye."
    [InlineData(1, "000100024279652e", 3, true)]
    public void Avp_strings_longer_than_the_limit_are_cut_and_flagged(ushort type, string valueHex, int limit, bool expected)
    {
        byte[] value = Convert.FromHexString(valueHex);
        byte[] avp = [0x80, (byte)(6 + value.Length), 0, 0, (byte)(type >> 8), (byte)type, .. value];
        var reader = new L2tpAvpReader(avp, 0);
        Assert.True(reader.TryReadAvp(out L2tpAvp read, out _));

        string text = L2tpAvpFormatter.Format(read, L2tpMessageType.StopControlConnectionNotification, limit, out bool cut);

        Assert.Equal(expected, cut);
        Assert.Equal(expected, text.EndsWith(Analyzer.Protocols.Ppp.PeerText.CutMarker, StringComparison.Ordinal));
    }

    [Fact]
    public void Avp_names_cover_the_rfc_table_and_name_vendor_avps()
    {
        Assert.Equal("Result Code", L2tpAvpTypes.Name(0, 1));
        Assert.Equal("Challenge Response", L2tpAvpTypes.Name(0, 13));
        Assert.Equal("Sequencing Required", L2tpAvpTypes.Name(0, 39));
        Assert.Equal("unknown (20)", L2tpAvpTypes.Name(0, 20));
        Assert.Equal("Vendor 9 AVP 1", L2tpAvpTypes.Name(9, 1));
    }
}

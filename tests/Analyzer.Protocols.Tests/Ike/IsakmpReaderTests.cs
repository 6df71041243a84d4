using Analyzer.Core;
using Analyzer.Protocols.Ike;

namespace Analyzer.Protocols.Tests.Ike;

/// <summary>Edge cases of the payload chain. The messages are synthetic (built here byte by byte): no daemon sends them.</summary>
public sealed class IsakmpReaderTests
{
    [Fact]
    public void Header_shorter_than_28_bytes_is_truncated_at_offset_0()
    {
        Assert.False(IsakmpReader.TryReadHeader(new byte[27], out _, out ParseError error));
        Assert.Equal(ParseErrorKind.Truncated, error.Kind);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Length_field_below_the_header_size_is_reported_at_its_offset()
    {
        byte[] message = Message(PayloadType.None, length: 20);
        Assert.False(IsakmpReader.TryReadHeader(message, out _, out ParseError error));
        Assert.Equal(ParseErrorKind.BadLength, error.Kind);
        Assert.Equal(24, error.Offset);
    }

    [Fact]
    public void Payload_longer_than_message_is_listed_reported_at_its_length_field_and_ends_the_chain()
    {
        byte[] message = Message(PayloadType.VendorId, [13, 0, 0, 40, 1, 2, 3, 4]);
        IsakmpContent content = Read(message);
        Assert.Equal([PayloadType.VendorId], content.Types);
        ParseError error = Assert.Single(content.Errors);
        Assert.Equal(ParseErrorKind.BadLength, error.Kind);
        Assert.Equal(28 + 2, error.Offset);
    }

    [Fact]
    public void Payload_length_below_4_is_taken_as_4_and_the_walk_goes_on()
    {
        byte[] message = Message(PayloadType.VendorId, [13, 0, 0, 3, 0, 0, 0, 8, 9, 9, 9, 9]);
        IsakmpContent content = Read(message);
        Assert.Equal([PayloadType.VendorId, PayloadType.VendorId], content.Types);
        Assert.Single(content.Errors);
        Assert.Equal([9, 9, 9, 9], content.VendorIds[1]);
    }

    [Fact]
    public void Bytes_after_the_last_payload_are_counted_as_extra_data_with_their_offset()
    {
        byte[] message = Message(PayloadType.Nonce, [0, 0, 0, 6, 1, 2, 0xEE, 0xEE]);
        IsakmpContent content = Read(message);
        Assert.Empty(content.Errors);
        Assert.Equal(2, content.ExtraBytes);
        Assert.Equal(28 + 6, content.ExtraBytesOffset);
    }

    [Fact]
    public void Ikev2_encrypted_payload_ends_the_clear_chain_and_names_the_first_inner_payload()
    {
        byte[] message = Message(PayloadType.V2Encrypted, [(byte)PayloadType.V2IdentificationInitiator, 0, 0, 8, 1, 2, 3, 4], major: 2);
        IsakmpContent content = Read(message);
        Assert.Equal([PayloadType.V2Encrypted], content.Types);
        Assert.Equal(PayloadType.V2IdentificationInitiator, content.InnerFirstPayload);
        Assert.Equal(0, content.ExtraBytes);
    }

    [Fact]
    public void Encrypted_ikev1_message_yields_no_payloads()
    {
        byte[] message = Message(PayloadType.Hash, [0, 0, 0, 8, 1, 2, 3, 4], flags: 1);
        Assert.Empty(Read(message).Types);
    }

    [Fact]
    public void Every_truncation_of_a_message_gives_payloads_or_errors_inside_the_span()
    {
        byte[] message = Message(PayloadType.Notification, [13, 0, 0, 16, 0, 0, 0, 1, 1, 0, 0, 14, 0xAA, 0xBB, 0xCC, 0xDD, 0, 0, 0, 8, 1, 2, 3, 4]);
        for (int length = 0; length <= message.Length; length++)
        {
            byte[] cut = message[..length];
            if (!IsakmpReader.TryReadHeader(cut, out IsakmpHeader header, out ParseError headerError))
            {
                Assert.InRange(headerError.Offset, 0, length);
                continue;
            }

            IsakmpReader reader = IsakmpReader.ForMessage(cut, header);
            IsakmpContent content = IsakmpContentReader.Read(ref reader, false, 256);
            Assert.All(content.Errors, e => Assert.InRange(e.Offset, 0, message.Length));
        }
    }

    /// <summary>A header (cookies 1 and 2) followed by <paramref name="chain"/>, length field covering both.</summary>
    internal static byte[] Message(PayloadType first, byte[]? chain = null, int? length = null, byte major = 1, byte flags = 0)
    {
        chain ??= [];
        byte[] message = new byte[28 + chain.Length];
        message[7] = 1;
        message[15] = 2;
        message[16] = (byte)first;
        message[17] = (byte)(major << 4);
        message[18] = major == 2 ? (byte)34 : (byte)2;
        message[19] = flags;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(24), (uint)(length ?? message.Length));
        chain.CopyTo(message, 28);
        return message;
    }

    private static IsakmpContent Read(byte[] message)
    {
        Assert.True(IsakmpReader.TryReadHeader(message, out IsakmpHeader header, out _));
        IsakmpReader reader = IsakmpReader.ForMessage(message, header);
        return IsakmpContentReader.Read(ref reader, header.IsV2, 256);
    }
}

using Analyzer.Core;
using Analyzer.Protocols.Ah;
using Analyzer.Protocols.Esp;

namespace Analyzer.Protocols.Tests.Esp;

public sealed class EspAndAhHeaderTests
{
    // First bytes of the AH header of frame 1 of zeek-spicy-ipsec/IPsec_ESP-AH_tunnel_mode.cap (tshark -x), then its ESP.
    private static readonly byte[] AhThenEsp = Convert.FromHexString("320400008179b7050000000127cfc0a5e43d69b3728ec5b048dac2e40000000107");

    [Fact]
    public void Esp_header_gives_spi_and_sequence()
    {
        Assert.True(EspHeader.TryRead(Convert.FromHexString("48dac2e400000001ff"), out EspHeader header, out _));
        Assert.Equal(new EspHeader(0x48dac2e4, 1), header);
    }

    [Fact]
    public void Esp_shorter_than_eight_bytes_is_truncated_at_offset_zero()
    {
        Assert.False(EspHeader.TryRead([1, 2, 3, 4, 5], out _, out ParseError error));
        Assert.Equal((ParseErrorKind.Truncated, 0L), (error.Kind, error.Offset));
    }

    [Fact]
    public void Esp_spi_zero_is_a_bad_value()
    {
        Assert.False(EspHeader.TryRead(new byte[8], out _, out ParseError error));
        Assert.Equal(ParseErrorKind.BadValue, error.Kind);
    }

    [Fact]
    public void Ah_header_leads_to_the_esp_behind_it()
    {
        Assert.True(AhHeader.TryRead(AhThenEsp, out AhHeader ah, out _));
        Assert.Equal(new AhHeader(AhHeader.EspProtocol, 24, 0x8179b705, 1), ah);
        Assert.True(ah.TryGetNext(AhThenEsp, out ReadOnlySpan<byte> esp, out _));
        Assert.True(EspHeader.TryRead(esp, out EspHeader inner, out _));
        Assert.Equal(0x48dac2e4u, inner.Spi);
    }

    [Fact]
    public void Ah_payload_length_past_the_packet_is_reported_at_its_field()
    {
        byte[] ah = AhThenEsp[..16];
        Assert.True(AhHeader.TryRead(ah, out AhHeader header, out _));
        Assert.False(header.TryGetNext(ah, out _, out ParseError error));
        Assert.Equal((ParseErrorKind.BadLength, 1L), (error.Kind, error.Offset));
    }
}

using Analyzer.Core;
using Analyzer.Diagnosis.Facts;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Diagnosis.Tests.Rules;

public sealed class FactTemplateTests
{
    private static readonly FlowFacts Flow = new() { Spi = "0x0000abcd", Packets = 12, DurationSeconds = 1.23456, Paired = true, Frames = [] };

    [Theory]
    [InlineData("SPI {Spi}: {Packets} packets", "SPI 0x0000abcd: 12 packets")]
    [InlineData("{DurationSeconds} s, paired {Paired}", "1.23 s, paired yes")]
    [InlineData("frames {Frames}", "frames none")]
    [InlineData("{{literal}} {Packets * 2}", "{literal} 24")]
    [InlineData("{iif(Packets > 10, \"many\", \"few\")}", "many")]
    public void Holes_are_expressions_rendered_invariantly(string template, string expected)
    {
        Assert.Equal(expected, FactTemplate.Compile(typeof(FlowFacts), template).Render(Flow));
    }

    [Fact]
    public void Unclosed_hole_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => FactTemplate.Compile(typeof(FlowFacts), "SPI {Spi"));
    }

    [Fact]
    public void Frames_render_as_their_numbers()
    {
        Assert.Equal("7", FactTemplate.Format(new FrameRef(0, 7, default)));
    }
}

using Analyzer.Protocols.Ppp;

namespace Analyzer.Protocols.Tests.Ppp;

/// <summary>The Windows Remote Access errors PPP failures produce, as Microsoft's raserror.h table numbers them.</summary>
public sealed class RasErrorsTests
{
    [Theory]
    [InlineData(691, "ERROR_AUTHENTICATION_FAILURE")]
    [InlineData(718, "ERROR_PPP_TIMEOUT")]
    [InlineData(720, "ERROR_PPP_NO_PROTOCOLS_CONFIGURED")]
    [InlineData(732, "ERROR_PPP_NOT_CONVERGING")]
    [InlineData(733, "ERROR_PPP_CP_REJECTED")]
    [InlineData(734, "ERROR_PPP_LCP_TERMINATED")]
    [InlineData(738, "ERROR_PPP_NO_ADDRESS_ASSIGNED")]
    [InlineData(741, "ERROR_NO_LOCAL_ENCRYPTION")]
    [InlineData(742, "ERROR_NO_REMOTE_ENCRYPTION")]
    [InlineData(812, "ERROR_SERVER_POLICY")]
    public void Each_ppp_failure_code_carries_microsofts_symbol(int code, string symbol)
    {
        Assert.True(RasErrors.IsKnown(code));
        Assert.StartsWith(symbol + ": ", RasErrors.Describe(code), StringComparison.Ordinal);
        Assert.StartsWith($"error {code} ({symbol}: ", RasErrors.Name(code), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_is_named_by_its_number()
    {
        Assert.False(RasErrors.IsKnown(4711));
        Assert.Equal("error 4711 (unknown Windows error 4711)", RasErrors.Name(4711));
    }
}

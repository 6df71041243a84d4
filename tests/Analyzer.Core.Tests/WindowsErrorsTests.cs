namespace Analyzer.Core.Tests;

/// <summary>
/// The one table of Windows error numbers (RAS range of raserror.h, IKE range of winerror.h) that the
/// MS-CHAP failure packets, the Windows event maps and the rules all name.
/// </summary>
public sealed class WindowsErrorsTests
{
    [Theory]
    [InlineData(628, "ERROR_DISCONNECTION")]
    [InlineData(648, "ERROR_PASSWD_EXPIRED")]
    [InlineData(649, "ERROR_NO_DIALIN_PERMISSION")]
    [InlineData(691, "ERROR_AUTHENTICATION_FAILURE")]
    [InlineData(718, "ERROR_PPP_TIMEOUT")]
    [InlineData(720, "ERROR_PPP_NO_PROTOCOLS_CONFIGURED")]
    [InlineData(732, "ERROR_PPP_NOT_CONVERGING")]
    [InlineData(734, "ERROR_PPP_LCP_TERMINATED")]
    [InlineData(738, "ERROR_PPP_NO_ADDRESS_ASSIGNED")]
    [InlineData(741, "ERROR_NO_LOCAL_ENCRYPTION")]
    [InlineData(742, "ERROR_NO_REMOTE_ENCRYPTION")]
    [InlineData(812, "ERROR_SERVER_POLICY")]
    [InlineData(13801, "ERROR_IPSEC_IKE_AUTH_FAIL")]
    [InlineData(13806, "ERROR_IPSEC_IKE_NO_CERT")]
    [InlineData(13820, "ERROR_IPSEC_IKE_NO_PRIVATE_KEY")]
    public void Ras_and_ike_numbers_carry_microsofts_symbol_in_one_table(long code, string symbol)
    {
        Assert.True(WindowsErrors.IsKnown(code));
        Assert.Equal(symbol, WindowsErrors.Find(code)?.Symbol);
        Assert.StartsWith(symbol + ": ", WindowsErrors.Describe(code), StringComparison.Ordinal);
        Assert.StartsWith($"error {code} ({symbol}: ", WindowsErrors.Name(code), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(809)]
    [InlineData(789)]
    [InlineData(13843)]
    public void A_number_whose_symbol_was_not_checked_is_described_by_its_meaning_alone(long code)
    {
        Assert.Null(WindowsErrors.Find(code)?.Symbol);
        Assert.Equal(WindowsErrors.Meaning(code), WindowsErrors.Describe(code));
    }

    [Fact]
    public void Every_number_lies_in_the_ras_or_the_ike_range_and_has_a_meaning()
    {
        for (long code = 0; code < 14000; code++)
        {
            if (WindowsErrors.Find(code) is WindowsError error)
            {
                Assert.True(code is >= 600 and < 1000 || code is >= 13801 and <= 13907, $"{code} is outside the RAS and IKE ranges");
                Assert.False(string.IsNullOrWhiteSpace(error.Meaning));
                Assert.True(error.Symbol is null || error.Symbol.StartsWith("ERROR_", StringComparison.Ordinal) || error.Symbol == "PENDING", error.Symbol);
            }
        }
    }

    [Fact]
    public void An_unknown_number_is_named_by_its_number()
    {
        Assert.False(WindowsErrors.IsKnown(4711));
        Assert.Null(WindowsErrors.Meaning(4711));
        Assert.Equal("error 4711 (unknown Windows error 4711)", WindowsErrors.Name(4711));
    }

    [Theory]
    [InlineData(13805, IkeErrorStage.Unanswered)]   // negotiation timed out
    [InlineData(13813, IkeErrorStage.Unanswered)]   // no response from the peer
    [InlineData(13802, IkeErrorStage.Proposal)]     // security attributes unacceptable
    [InlineData(13850, IkeErrorStage.Proposal)]     // no matching Main Mode policy
    [InlineData(13801, IkeErrorStage.Authentication)] // credentials unacceptable
    [InlineData(13867, IkeErrorStage.Authentication)] // decryption failed (a pre-shared key mismatch)
    [InlineData(13804, IkeErrorStage.Unplaced)]     // general processing error
    [InlineData(691, IkeErrorStage.Unplaced)]       // a RAS error, no IKE stage
    [InlineData(4711, IkeErrorStage.Unplaced)]      // unknown
    public void The_error_table_says_which_part_of_an_ike_negotiation_a_code_fails(long code, IkeErrorStage stage)
    {
        Assert.Equal(stage, WindowsErrors.IkeStage(code));
    }

    [Fact]
    public void Only_ike_range_codes_carry_an_ike_stage()
    {
        for (long code = 0; code < 14000; code++)
        {
            if (WindowsErrors.Find(code) is { IkeStage: not IkeErrorStage.Unplaced })
            {
                Assert.InRange(code, 13801, 13907);
            }
        }
    }

    [Theory]
    [InlineData(691, ErrorStage.PppAuth, ErrorSide.Server)]          // credentials refused by the server
    [InlineData(809, ErrorStage.IkeReachability, ErrorSide.Unknown)] // no answer: the path or the server
    [InlineData(734, ErrorStage.PppLcp, ErrorSide.Unknown)]          // LCP terminated
    [InlineData(741, ErrorStage.PppIpcp, ErrorSide.Client)]          // MPPE this end lacks: CCP, nearest stage ppp-ipcp
    [InlineData(742, ErrorStage.PppIpcp, ErrorSide.Server)]          // MPPE the remote end lacks
    [InlineData(789, ErrorStage.Phase1Auth, ErrorSide.Unknown)]      // IPsec initial negotiation failed
    [InlineData(13801, ErrorStage.Phase1Auth, ErrorSide.Unknown)]    // the IKE column: credentials, either end's certificate
    [InlineData(13813, ErrorStage.IkeReachability, ErrorSide.Unknown)] // the IKE column: no response
    [InlineData(13825, ErrorStage.Phase1Proposal, ErrorSide.Unknown)]  // the IKE column: no policy
    [InlineData(600, ErrorStage.Unplaced, ErrorSide.Unknown)]        // pending: no stage
    [InlineData(4711, ErrorStage.Unplaced, ErrorSide.Unknown)]       // unknown
    public void The_error_table_places_a_ras_or_ike_code_in_a_connection_stage_and_a_side(long code, ErrorStage stage, ErrorSide side)
    {
        Assert.Equal(stage, WindowsErrors.Stage(code));
        Assert.Equal(side, WindowsErrors.Side(code));
    }
}

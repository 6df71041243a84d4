using Analyzer.Core;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Sessions.Tests;

public sealed class LimitNoticesTests
{
    private static readonly AnalysisInput Input = new(0, "/tmp/client.pcap", "client.pcap", InputKind.Pcap);

    private static FrameRef Frame(long number) => new(0, number, default);

    [Fact]
    public void Each_kind_is_warned_once_at_its_first_frame_and_handed_over_once()
    {
        var notices = new LimitNotices(Input, new AnalysisLimits { MaxStringLength = 8 });
        notices.TextCut("an IKE identity", Frame(17));
        notices.TextCut("an IKE identity", Frame(40));
        notices.TextCut("a PPTP host or vendor name", Frame(41));
        notices.Reached("bound", Frame(50), 64, static max => $"more than {max}");
        notices.Reached("bound", Frame(51), 64, static _ => throw new InvalidOperationException("built twice"));

        var first = new List<InputDiagnostic>();
        var second = new List<InputDiagnostic>();
        notices.MoveTo(first);
        notices.MoveTo(second);

        Assert.Equal([17L, 41L, 50L], first.Select(d => d.Frame!.Value));
        Assert.All(first, d => Assert.Equal("client.pcap", d.Input));
        Assert.Equal("client.pcap: (frame 17): an IKE identity longer than 8 characters was cut to that length; later cuts of this kind in this capture are not reported",
            first[0].ToString());
        Assert.Empty(second);
    }

    [Fact]
    public void Ppp_sessions_of_one_capture_share_one_warning_per_kind()
    {
        // PAP Authenticate-Request with Peer-ID "alice" (5 bytes, password "pw"), seen in two sessions.
        byte[] pap = Convert.FromHexString("C023010100" + "0D" + "05" + Convert.ToHexString("alice"u8) + "02" + Convert.ToHexString("pw"u8));
        var notices = new LimitNotices(Input, new AnalysisLimits { MaxStringLength = 3 });
        var one = new PppSessionTracker(notices);
        var two = new PppSessionTracker(notices);

        one.Observe(Frame(5), true, pap);
        two.Observe(Frame(9), true, pap);
        var diagnostics = new List<InputDiagnostic>();
        notices.MoveTo(diagnostics);

        Assert.Equal("ali" + Analyzer.Protocols.Ppp.PeerText.CutMarker, two.Session.UserName);
        InputDiagnostic warning = Assert.Single(diagnostics);
        Assert.Equal(5, warning.Frame);
        Assert.StartsWith("a PPP user name or message longer than 3 characters", warning.Message, StringComparison.Ordinal);
    }
}

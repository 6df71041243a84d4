using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Diagnosis.Tests.Support;
using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>The rules that only a Libreswan pluto log can fire, on Case objects holding one normalised pluto line.</summary>
public sealed class PlutoConditionTests
{
    private static Case WithPlutoLine(string kind, string message, Dictionary<string, string>? fields = null)
    {
        var draft = new CaseDraft(0);
        var record = new EventRecord
        {
            InputIndex = 0,
            RecordId = 7,
            Provider = "pluto",
            Time = CaseDraft.Start.AddSeconds(2),
            Message = message,
            Normalized = new NormalizedEvent
            {
                Kind = kind, IsFailure = true, RemoteAddress = CaseDraft.Client.Address, Fields = fields ?? [],
            },
        };
        var @case = new Case { Inputs = [new AnalysisInput(0, "pluto.log", "pluto.log", InputKind.DaemonLog)], Captures = draft.Captures };
        @case.Events.Add(record);
        return @case;
    }

    [Fact]
    public void Ikev1_dropped_by_policy_fires_ikev1_refused_by_policy_with_the_client_address()
    {
        Case @case = WithPlutoLine("pluto-ikev1-refused", "ignoring IKEv1 packet as policy is set to silently drop all IKEv1 packets");
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(@case), "ikev1-refused-by-policy");
        Assert.Contains(CaseDraft.Client.Address.ToString(), finding.Summary, StringComparison.Ordinal);
        Assert.Equal(7L, finding.Evidence[0].Record);
        Assert.DoesNotContain("kernel-sa-install-failed", Catalogue.FiredIds(@case));
    }

    [Fact]
    public void Kernel_refusing_the_sa_fires_kernel_sa_install_failed_with_the_errno()
    {
        Case @case = WithPlutoLine("pluto-kernel-sa-failed", "netlink response for Add SA esp.cfc91e79@198.51.100.20: Protocol not supported (errno 93)",
            new Dictionary<string, string> { ["errno"] = "93" });
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(@case), "kernel-sa-install-failed");
        Assert.Contains("errno 93", finding.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("ikev1-refused-by-policy", Catalogue.FiredIds(@case));
    }

    [Fact]
    public void A_pre_shared_key_failure_line_fires_neither_pluto_rule()
    {
        Case @case = WithPlutoLine("pluto-auth-failed", "probable authentication failure (mismatch of preshared secrets?): malformed payload in packet");
        HashSet<string> fired = Catalogue.FiredIds(@case).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain("kernel-sa-install-failed", fired);
        Assert.DoesNotContain("ikev1-refused-by-policy", fired);
        Assert.Contains("daemon-log-failure", fired);
    }
}

namespace Analyzer.Cli.Tests;

/// <summary>
/// The Libreswan lab scenarios against the strongSwan ones of the same cause: with pluto on either end
/// the same cause rules fire as with charon, from the whole bundle (captures and logs) and from the
/// daemon logs alone; and the causes only pluto's log can tell fire from the log alone.
/// </summary>
public sealed class LibreswanScenarioTests
{
    /// <summary>The rules that name a cause of these failures (the context rules, NAT and decryption notes, are left out).</summary>
    private static readonly string[] CauseRules =
    [
        "ipsec-established", "ike-no-response", "phase1-proposal-mismatch", "phase1-auth-failed", "phase2-rejected",
        "path-drop", "daemon-log-failure", "ikev1-refused-by-policy", "kernel-sa-install-failed",
    ];

    public static TheoryData<string, string> SameCause => new()
    {
        { "libreswan-server-psk-mismatch", "psk-mismatch" },
        { "libreswan-client-psk-mismatch", "psk-mismatch" },
        { "libreswan-server-proposal-mismatch", "phase1-proposal-mismatch" },
    };

    [Theory]
    [MemberData(nameof(SameCause))]
    public void Libreswan_on_either_end_fires_the_cause_rules_strongswan_fires(string libreswan, string strongswan)
    {
        Assert.Equal(Causes(Fired(SampleScenarios.PathOf(strongswan))), Causes(Fired(SampleScenarios.PathOf(libreswan))));
    }

    [Theory]
    [MemberData(nameof(SameCause))]
    public void Libreswan_logs_alone_fire_the_cause_rules_strongswan_logs_alone_fire(string libreswan, string strongswan)
    {
        Assert.Equal(Causes(FiredOnLogs(strongswan)), Causes(FiredOnLogs(libreswan)));
    }

    [Theory]
    [InlineData("libreswan-server-ikev1-dropped", "ikev1-refused-by-policy")]
    [InlineData("libreswan-server-psk-sa-install-fails", "kernel-sa-install-failed")]
    public void A_server_side_cause_only_the_log_holds_fires_from_the_log_alone(string scenario, string rule)
    {
        Assert.Contains(rule, FiredOnLogs(scenario));
    }

    private static SortedSet<string> Causes(IEnumerable<string> fired) => new(fired.Intersect(CauseRules), StringComparer.Ordinal);

    private static SortedSet<string> Fired(string path)
    {
        string output = Path.Combine(Path.GetTempPath(), "vpndiag-test-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            (_, _, string error) = CliRunner.Run("analyze", path, "-o", output, "--quiet");
            Assert.True(File.Exists(output), path + ": no report written; stderr: " + error);
            return new SortedSet<string>(ScenarioDiagnosisTests.FiredRules(File.ReadAllText(output)), StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The rules fired by a bundle of the scenario's daemon logs only (no captures, no key tables, no snapshots).</summary>
    private static SortedSet<string> FiredOnLogs(string scenario)
    {
        string source = SampleScenarios.PathOf(scenario);
        if (!Directory.Exists(source))
        {
            Assert.Skip("lab sample absent: samples/captures/" + scenario);
        }

        string bundle = Path.Combine(Path.GetTempPath(), "vpndiag-logs-" + scenario + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(bundle);
        try
        {
            foreach (string log in Directory.GetFiles(source, "*.log"))
            {
                File.Copy(log, Path.Combine(bundle, Path.GetFileName(log)));
            }

            return Fired(bundle);
        }
        finally
        {
            Directory.Delete(bundle, recursive: true);
        }
    }
}

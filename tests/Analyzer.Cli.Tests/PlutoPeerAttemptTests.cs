using Analyzer.Testing;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// A Libreswan pluto log alone: an IKEv2 initiator's "sent IKE_SA_INIT request to ADDR:PORT" names
/// the server; the lab's IKEv1 client log names no address, so its attempt's ends stay unknown rather
/// than guessed; a responder's log names the client.
/// </summary>
public sealed class PlutoPeerAttemptTests
{
    private static IReadOnlyList<ReportAttempt> Attempts(string path) => BuiltInCatalogue.Analyze([path]).Document.Attempts;

    [Fact]
    public void An_ikev2_client_pluto_log_alone_names_the_server_from_its_ike_sa_init_request()
    {
        string directory = Directory.CreateTempSubdirectory("vpndiag-pluto-").FullName;
        string path = Path.Combine(directory, "pluto.log");
        File.WriteAllLines(path,
        [
            "Oct 21 14:15:03 client pluto[28693]: \"Tunnel1\" #1: initiating IKEv2 connection",
            "Oct 21 14:15:03 client pluto[28693]: \"Tunnel1\" #1: sent IKE_SA_INIT request to 192.0.2.1:500",
            "Oct 21 14:15:03 client pluto[28693]: \"Tunnel1\" #1: established IKE SA; authenticated using authby=secret and peer ID_IPV4_ADDR '192.0.2.1'",
        ]);
        ReportAttempt attempt = Assert.Single(Attempts(path));
        Assert.Equal("192.0.2.1:500", attempt.Server);
        Assert.Null(attempt.Client);
    }

    [Fact]
    public void The_lab_ikev1_client_pluto_log_alone_leaves_both_ends_unknown()
    {
        ReportAttempt attempt = Assert.Single(Attempts(Path.Combine(RepoPaths.Samples, "captures", "libreswan-client-psk-mismatch", "pluto-client-syslog.log")));
        Assert.Null(attempt.Server);
        Assert.Null(attempt.Client);
        Assert.Equal("phase1-auth", attempt.FailedStage);
    }

    [Fact]
    public void The_lab_server_pluto_log_alone_names_the_client()
    {
        ReportAttempt attempt = Attempts(Path.Combine(RepoPaths.Samples, "captures", "libreswan-server-psk-mismatch", "pluto-server-syslog.log"))[0];
        Assert.Equal("198.51.100.20:500", attempt.Client);
    }
}

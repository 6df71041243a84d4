using Analyzer.Core;
using Analyzer.Pipeline.Inputs;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// A zero-length file (a capture never written to, an export that failed) is named as empty, in one
/// line with its offset, not as a format vpndiag does not know; in a folder it is skipped and the
/// rest is read.
/// </summary>
public sealed class EmptyInputTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-empty-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void A_named_empty_capture_is_refused_in_one_line_as_an_empty_file()
    {
        string path = Path.Combine(_temp, "client.pcap");
        File.WriteAllBytes(path, []);

        InputException error = Assert.Throws<InputException>(() => BundleCollector.Collect([path], AnalysisLimits.Default));

        Assert.EndsWith("client.pcap: offset 0x0: empty file (0 bytes): nothing to read", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_empty_file_in_a_folder_is_skipped_as_empty_and_the_other_files_are_read()
    {
        File.WriteAllBytes(Path.Combine(_temp, "server.pcapng"), []);
        File.WriteAllText(Path.Combine(_temp, "charon.log"), "Nov 24 11:29:58 vpn-server charon: 05[IKE] initiating Main Mode IKE_SA lab[1] to 203.0.113.10\n");

        TicketBundle bundle = BundleCollector.CollectOne([_temp], AnalysisLimits.Default);

        Assert.Equal(["charon.log"], bundle.Inputs.Select(i => Path.GetFileName(i.Path)));
        Assert.Contains(bundle.Diagnostics, d => d.Message == "skipped: empty file (0 bytes)" && d.Input.EndsWith("server.pcapng", StringComparison.Ordinal));
    }
}

using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// ESP integrity with keys: the ICV is checked before decryption, and a mismatch says whether the
/// key is wrong (nothing verifies) or packets were changed on the path (the key verifies the
/// others), and with two captures between which vantage points.
/// </summary>
public sealed class EspIntegrityTests
{
    [Fact]
    public void Packets_a_faulty_switch_changed_verify_at_the_sender_and_fail_at_the_receiver()
    {
        // corrupting-link: a lab switch between the two capture points flips bytes in transit.
        string directory = SampleScenarios.PathOf("corrupting-link");
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([directory]);
        var findings = result.Document.Findings.Where(f => f.Rule == "esp-integrity-failed").ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains("packets changed on the path", f.Summary, StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Summary.Contains("verified at", StringComparison.Ordinal) && f.Summary.Contains("changed between", StringComparison.Ordinal));

        string[] options = [.. File.ReadAllLines(Path.Combine(directory, "esp_sa")).Where(l => l.Length > 0).SelectMany(l => new[] { "-o", "uat:esp_sa:" + l }),
            "-o", "esp.enable_encryption_decode:TRUE", "-o", "esp.enable_authentication_check:TRUE"];
        foreach (var capture in result.Case.Captures)
        {
            // Every packet tshark finds with a bad ICV is one of ours (tshark gives no verdict on one more, whose bytes differ from the sender's copy).
            long[] tsharkBad = [.. Tshark.Fields(capture.Input.Path, "esp.icv_bad == 1", ["frame.number"], options)
                .Select(row => long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture))];
            var ours = capture.EspFlows.SelectMany(f => f.IcvMismatchFrames).Select(f => f.Frame).ToHashSet();
            Assert.NotEmpty(tsharkBad);
            Assert.All(tsharkBad, frame => Assert.Contains(frame, ours));

            // Each failing packet verified at the other end: same SPI and sequence, sound there.
            foreach (var flow in capture.EspFlows.Where(f => f.IcvMismatches > 0))
            {
                var twin = Assert.Single(result.Case.Captures.Where(c => c != capture).SelectMany(c => c.EspFlows), t => t.Spi == flow.Spi);
                Assert.True(twin.DecryptedPackets > 0);
                Assert.All(flow.IcvMismatchSequences, s => Assert.DoesNotContain(s, twin.IcvMismatchSequences));
            }
        }
    }

    [Fact]
    public void A_wrong_integrity_key_fails_every_packet_and_is_named_a_wrong_key_not_the_path()
    {
        string source = SampleScenarios.PathOf("healthy-psk");
        string directory = Path.Combine(Path.GetTempPath(), "vpndiag-wrongkey-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            foreach (string pcap in Directory.GetFiles(source, "*.pcap"))
            {
                File.Copy(pcap, Path.Combine(directory, Path.GetFileName(pcap)));
            }

            // The same table with the last hex digit of every integrity key changed.
            string[] lines = File.ReadAllLines(Path.Combine(source, "esp_sa")).Where(l => l.Length > 0)
                .Select(l => l[..^2] + (l[^2] == '0' ? '1' : '0') + l[^1]).ToArray();
            File.WriteAllLines(Path.Combine(directory, "esp_sa"), lines);

            BundleAnalysisResult result = BuiltInCatalogue.Analyze([directory]);
            var findings = result.Document.Findings.Where(f => f.Rule == "esp-integrity-failed").ToList();
            Assert.NotEmpty(findings);
            Assert.All(findings, f => Assert.Contains("wrong key", f.Summary, StringComparison.Ordinal));
            Assert.All(findings, f => Assert.DoesNotContain("changed between", f.Summary, StringComparison.Ordinal));
            Assert.All(result.Case.Captures.SelectMany(c => c.EspFlows), f => Assert.Equal(0, f.DecryptedPackets));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

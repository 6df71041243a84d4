using System.Text.RegularExpressions;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Keys are secrets: whatever the format, a report of a bundle analysed with its keys names the key
/// files, never a key. Every hex key of every key file of the scenario is searched for in every output.
/// </summary>
public sealed partial class KeySecrecyTests
{
    [Theory]
    [InlineData("healthy-psk", "md")]
    [InlineData("healthy-psk", "html")]
    [InlineData("healthy-psk", "json")]
    [InlineData("healthy-psk", "csv")]
    [InlineData("ikev2-eap-wrong-password", "md")]
    [InlineData("ikev2-eap-wrong-password", "html")]
    [InlineData("ikev2-eap-wrong-password", "json")]
    [InlineData("ikev2-eap-wrong-password", "csv")]
    public void No_key_appears_in_a_report_of_a_bundle_analysed_with_its_keys(string scenario, string format)
    {
        string directory = Path.Combine(RepoPaths.Samples, "captures", scenario);
        string[] keyFiles = ["esp_sa", "ikev1-decryption-table", "ikev2_decryption_table"];
        List<string> keys = keyFiles.Select(f => Path.Combine(directory, f)).Where(File.Exists)
            .SelectMany(f => HexRun().Matches(File.ReadAllText(f)).Select(m => m.Value.ToLowerInvariant()))
            .Where(hex => hex.Length >= 32)
            .ToList();
        if (keys.Count == 0)
        {
            Assert.Skip($"samples/captures/{scenario} with key tables is not present");
        }

        string output = Path.Combine(Path.GetTempPath(), "vpndiag-secrecy-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] keyArguments = keyFiles.Select(f => Path.Combine(directory, f)).Where(File.Exists).SelectMany(f => new[] { "--keys", f }).ToArray();
            (int exitCode, _, string error) = CliRunner.Run(["analyze", directory, .. keyArguments, "--format", format, "-o", format == "csv" ? output : output + "." + format, "--quiet"]);
            Assert.True(exitCode is 0 or 1, error);
            string text = format == "csv"
                ? string.Concat(Directory.GetFiles(output).Select(File.ReadAllText))
                : File.ReadAllText(output + "." + format);
            if (format == "json")
            {
                // The report says which file decrypted (the SA's "decrypted with a key from FILE").
                Assert.Contains(keyFiles, name => text.Contains(name, StringComparison.Ordinal));
            }
            string lower = text.ToLowerInvariant();
            foreach (string key in keys)
            {
                // Any 16 hex digits of a key would give it away: search every aligned piece of each key.
                for (int at = 0; at + 16 <= key.Length; at += 8)
                {
                    Assert.DoesNotContain(key.Substring(at, 16), lower, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            File.Delete(output + "." + format);
        }
    }

    /// <summary>Hex runs of key material (0x-prefixed in esp_sa, bare in the other tables).</summary>
    [GeneratedRegex("(?<=0x|,|^)[0-9a-fA-F]{32,}", RegexOptions.Multiline)]
    private static partial Regex HexRun();
}

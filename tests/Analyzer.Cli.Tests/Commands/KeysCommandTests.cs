using Analyzer.Cli;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Commands;

public sealed class KeysCommandTests
{
    [Fact]
    public void Keys_from_the_lab_charon_log_equal_the_table_the_lab_stored()
    {
        string? directory = new[] { Path.Combine(RepoPaths.Samples, "captures", "healthy-psk"), "/work/wt/lab/samples/captures/healthy-psk" }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "charon-client-ike4.log")) && File.Exists(Path.Combine(d, "ikev1-decryption-table")));
        if (directory is null)
        {
            Assert.Skip("lab scenario healthy-psk with charon-client-ike4.log and ikev1-decryption-table is not present");
        }

        string output = Path.Combine(Path.GetTempPath(), "vpndiag-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            int exit = VpndiagCommand.Invoke(["keys", Path.Combine(directory, "charon-client-ike4.log"), "-o", output]);
            Assert.Equal(0, exit);
            Assert.Equal(
                File.ReadAllLines(Path.Combine(directory, "ikev1-decryption-table")).Where(l => l.Length > 0).Select(l => l.ToLowerInvariant()),
                File.ReadAllLines(output).Where(l => l.Length > 0));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Log_without_keys_exits_2()
    {
        string log = Path.Combine(Path.GetTempPath(), "vpndiag-nokeys-" + Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllText(log, "Nov 24 10:33:32.001 00[DMN] Starting IKE charon daemon\n");
        try
        {
            Assert.Equal(2, VpndiagCommand.Invoke(["keys", log]));
        }
        finally
        {
            File.Delete(log);
        }
    }
}

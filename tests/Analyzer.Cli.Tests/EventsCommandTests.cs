using System.Text.Json;
using Analyzer.Cli.Commands;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary><c>vpndiag events</c>: the JSON and CSV record listings and the exit codes.</summary>
public sealed class EventsCommandTests
{
    private static string Sample(string relative)
    {
        string path = Path.Combine(RepoPaths.Samples, "events", relative);
        if (!File.Exists(path))
        {
            Assert.Skip("absent: samples/events/" + relative);
        }

        return path;
    }

    [Fact]
    public void Json_lists_every_record_with_the_contract_fields()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = EventsCommand.Run([Sample("psk-mismatch/client-security.xml"), Sample("healthy-psk/client-application.xml")], "json", null, null, stdout, stderr, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(stdout.ToString());
        JsonElement records = document.RootElement.GetProperty("records");
        Assert.Equal(6, records.GetArrayLength());
        JsonElement first = records[0];
        foreach (string name in (string[])["input", "recordId", "eventId", "provider", "channel", "computer", "level", "time", "written", "data", "kind"])
        {
            Assert.True(first.TryGetProperty(name, out _), "missing " + name);
        }

        Assert.Equal(4653, first.GetProperty("eventId").GetInt32());
        Assert.Equal("ipsec-mm-failed", first.GetProperty("kind").GetString());
        Assert.Equal("b965953a307bd62f", first.GetProperty("data").GetProperty("InitiatorCookie").GetString());
        Assert.Equal(JsonValueKind.Array, records[1].GetProperty("data").ValueKind); // RasClient strings have no names
    }

    [Fact]
    public void Csv_has_a_header_and_one_row_per_record()
    {
        var stdout = new StringWriter();
        int exit = EventsCommand.Run([Sample("healthy-psk/client-security.xml")], "csv", null, null, stdout, new StringWriter(), TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);
        string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("input,recordId,eventId,provider", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void Unreadable_inputs_give_exit_2_and_one_line_each_naming_the_file()
    {
        string notALog = Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(notALog, "hello\n");
        try
        {
            var stderr = new StringWriter();
            int exit = EventsCommand.Run([notALog, "missing.evtx"], "json", null, null, new StringWriter(), stderr, TestContext.Current.CancellationToken);
            Assert.Equal(2, exit);
            string[] lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Contains(notALog, lines[0], StringComparison.Ordinal);
            Assert.Contains("missing.evtx", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notALog);
        }
    }

    [Fact]
    public void Output_option_writes_the_file()
    {
        string target = Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            int exit = VpndiagCommand.Invoke(["events", Sample("ras-server/server-system.xml"), "-o", target]);
            Assert.Equal(0, exit);
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(target));
            Assert.Equal(2, document.RootElement.GetProperty("records").GetArrayLength());
        }
        finally
        {
            File.Delete(target);
        }
    }
}

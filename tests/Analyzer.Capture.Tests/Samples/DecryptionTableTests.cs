namespace Analyzer.Capture.Tests.Samples;

/// <summary>
/// ikev1-decryption-table comes from charon's "encryption key Ka" log lines of the same run, so
/// tshark can decrypt that run's encrypted Main Mode messages with it.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DecryptionTableTests
{
    public static TheoryData<string> WithTable => new(LabScenario.AllNames()
        .Where(name => File.Exists(Path.Combine(LabScenario.CapturesRoot, name, "ikev1-decryption-table"))));

    [Fact]
    public void Every_scenario_whose_client_encrypts_Main_Mode_has_a_decryption_table()
    {
        string[] withTable = [.. WithTable.Select(row => row.Data)];
        Assert.Contains("healthy-psk", withTable);
        Assert.Contains("psk-mismatch", withTable);
        Assert.Contains("healthy-psk-kernel", withTable);
        Assert.True(withTable.Length >= 15);
    }

    [Theory]
    [MemberData(nameof(WithTable))]
    public void Table_decrypts_the_clients_encrypted_Main_Mode_messages(string name)
    {
        LabScenario scenario = LabScenario.Named(name);
        string[] lines = [.. scenario.ReadText("ikev1-decryption-table").Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        Assert.All(lines, line => Assert.Matches("^[0-9a-f]{16},[0-9a-f]{32,64}$", line));

        CapturedPacket[] before = [.. scenario.Client.Where(p => p.ToServer && p.IsEncrypted && p.ExchangeType == IsakmpExchange.MainMode)];
        if (before.Length == 0)
        {
            Assert.Skip($"{name}: the client sent no encrypted Main Mode message");
        }

        Assert.All(before, p => Assert.Empty(p.Payloads));
        string[] preferences = [.. lines.Select(line => "uat:ikev1_decryption_table:" + line)];
        IReadOnlyList<CapturedPacket> decrypted = TsharkPackets.Read(scenario.File("client.pcap"), preferences);
        foreach (CapturedPacket message in before)
        {
            CapturedPacket same = decrypted.Single(p => p.Number == message.Number);
            // Main Mode 5 carries the identity (5) and a hash (8) or a signature (9) once decrypted.
            Assert.Contains(5, same.Payloads);
        }
    }
}

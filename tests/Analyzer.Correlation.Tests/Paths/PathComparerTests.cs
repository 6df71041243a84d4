using Analyzer.Correlation.Paths;
using Analyzer.Sessions;
using Analyzer.Sessions.Ledger;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Paths;

public class PathComparerTests
{
    [Fact]
    public void Healthy_pair_reports_no_loss_in_either_direction()
    {
        List<CaptureModel> models = LabCaptures.Load(LabCaptures.Pcap("healthy-psk", "client"), LabCaptures.Pcap("healthy-psk", "server"));

        PathComparison path = Assert.Single(PathComparer.Compare(models));

        Assert.Equal(["client", "server"], path.Captures.Select(c => c.Role));
        Assert.Equal([0, 1], path.Captures.Select(c => c.InputIndex));
        Assert.All(path.Directions, d => Assert.Equal(0, d.Lost));
        Assert.All(path.Directions, d => Assert.Empty(d.Modified));
        Assert.Contains(path.Directions, d => d is { From: "client", To: "server", Protocol: "esp" } && d.Sent > 0);
        Assert.Contains(path.Directions, d => d is { From: "server", To: "client", Protocol: "esp" } && d.Sent > 0);
        Assert.NotNull(path.ClockOffsetSeconds);
    }

    [Fact]
    public void Captures_given_server_first_still_get_their_roles()
    {
        List<CaptureModel> models = LabCaptures.Load(LabCaptures.Pcap("healthy-psk", "server"), LabCaptures.Pcap("healthy-psk", "client"));

        PathComparison path = Assert.Single(PathComparer.Compare(models));

        Assert.Equal(1, path.Captures.Single(c => c.Role == "client").InputIndex);
        Assert.Equal(0, path.Captures.Single(c => c.Role == "server").InputIndex);
    }

    [Fact]
    public void A_single_capture_yields_no_path()
    {
        List<CaptureModel> models = LabCaptures.Load(LabCaptures.Pcap("healthy-psk", "client"));

        Assert.Empty(PathComparer.Compare(models));
    }

    [Fact]
    public void Time_shifted_server_capture_still_pairs_and_reports_the_offset()
    {
        string client = LabCaptures.Pcap("healthy-psk", "client");
        string server = LabCaptures.Pcap("healthy-psk", "server");
        string editcap = ExternalTool.Require("editcap", "wireshark-common");
        using var temp = new TempDirectory();
        string shifted = Path.Combine(temp.Path, "server.pcap");
        ExternalTool.Run(editcap, ["-t", "3.5", server, shifted]);

        PathComparison baseline = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server)));
        PathComparison moved = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, shifted)));

        Assert.Equal(baseline.ClockOffsetSeconds!.Value + 3.5, moved.ClockOffsetSeconds!.Value, 0.000_01);
        Assert.All(moved.Directions, d => Assert.Equal(0, d.Lost));
        Assert.Equal(baseline.Directions.Sum(d => d.Received), moved.Directions.Sum(d => d.Received));
    }

    [Fact]
    public void Esp_bytes_flipped_in_transit_show_as_a_modified_packet()
    {
        string client = LabCaptures.Pcap("healthy-psk", "client");
        string server = LabCaptures.Pcap("healthy-psk", "server");
        CaptureModel clientModel = LabCaptures.Load(client)[0];
        LedgerEntry esp = clientModel.Ledger!.Entries.First(e => e.Protocol == LedgerProtocol.Esp && e.BytesLength >= 40
            && clientModel.Ledger.FlowOf(e).Source.Address == clientModel.Ledger.FlowOf(clientModel.Ledger.Entries[0]).Source.Address);
        byte[] header = clientModel.Ledger.BytesOf(esp)[..8].ToArray();   // SPI and sequence number: unique in the file
        using var temp = new TempDirectory();
        string damaged = Path.Combine(temp.Path, "server.pcap");
        byte[] file = File.ReadAllBytes(server);
        int at = file.AsSpan().IndexOf(header);
        Assert.True(at > 0, "the ESP packet is in the server capture");
        for (int i = 20; i < 23; i++)
        {
            file[at + i] ^= 0x5A;
        }

        File.WriteAllBytes(damaged, file);

        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, damaged)));

        PathDirection up = path.Directions.Single(d => d is { From: "client", Protocol: "esp" });
        ModifiedPacket modified = Assert.Single(up.Modified);
        Assert.Equal(esp.Frame.Frame, modified.Sent.Frame);
        Assert.Equal(20, modified.FirstDifferingOffset);
        Assert.Equal(3, modified.DifferingBytes);
        Assert.Equal(0, up.Lost);
        Assert.All(path.Directions.Where(d => d != up), d => Assert.Empty(d.Modified));
    }
}

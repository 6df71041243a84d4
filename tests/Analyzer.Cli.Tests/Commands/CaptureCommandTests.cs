using System.Diagnostics;
using Analyzer.Cli.Commands;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Commands;

public sealed class CaptureCommandTests
{
    [Theory]
    [InlineData("10x100", 10, 100_000_000L)]
    [InlineData("3×5", 3, 5_000_000L)]
    public void Ring_sizes_are_read_as_files_times_megabytes(string text, int files, long bytes)
    {
        Assert.True(CaptureCommand.TryParseRing(text, out int parsedFiles, out long parsedBytes));
        Assert.Equal((files, bytes), (parsedFiles, parsedBytes));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("x100")]
    [InlineData("0x100")]
    [InlineData("-1x5")]
    public void Malformed_ring_sizes_are_refused(string text) =>
        Assert.False(CaptureCommand.TryParseRing(text, out _, out _));

    /// <summary>
    /// Real traffic between two veth ends in network namespaces made for the test: the capture keeps
    /// IKE, NAT-T ESP, a keepalive and L2TP, and drops the DNS query the filter does not cover.
    /// </summary>
    [Fact]
    public async Task A_live_capture_in_a_network_namespace_keeps_exactly_the_VPN_traffic_and_ends_cleanly_when_stopped()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("live capture needs root (network namespaces, raw sockets)");
        }

        string ip = ExternalTool.Require("ip", "iproute2");
        string python = ExternalTool.Require("python3", "python3");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ExternalTool.Require("dotnet", "dotnet-sdk");
        string vpndiag = Path.Combine(AppContext.BaseDirectory, "vpndiag.dll");
        string suffix = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string server = "vpndiag-srv-" + suffix;
        string client = "vpndiag-cli-" + suffix;
        string output = Path.Combine(Path.GetTempPath(), $"vpndiag-live-{suffix}.pcapng");
        try
        {
            ExternalTool.Run(ip, ["netns", "add", server]);
            ExternalTool.Run(ip, ["netns", "add", client]);
            ExternalTool.Run(ip, ["link", "add", "vds" + suffix, "netns", server, "type", "veth", "peer", "name", "vdc" + suffix, "netns", client]);
            ExternalTool.Run(ip, ["-n", server, "addr", "add", "192.0.2.1/24", "dev", "vds" + suffix]);
            ExternalTool.Run(ip, ["-n", client, "addr", "add", "192.0.2.2/24", "dev", "vdc" + suffix]);
            ExternalTool.Run(ip, ["-n", server, "link", "set", "vds" + suffix, "up"]);
            ExternalTool.Run(ip, ["-n", client, "link", "set", "vdc" + suffix, "up"]);

            var start = new ProcessStartInfo(ip) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "netns", "exec", server, dotnet, vpndiag, "capture", "-i", "vds" + suffix, "-w", output })
            {
                start.ArgumentList.Add(argument);
            }

            using Process capture = Process.Start(start)!;
            Task<string> errors = capture.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            string? first = capture.StandardOutput.ReadLine();
            if (first?.StartsWith("capturing", StringComparison.Ordinal) != true)
            {
                Assert.Fail(first + await errors);
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);

            const string sender = """
                import socket, time
                ike = bytes(range(8)) + bytes(8) + bytes([1, 0x10, 2, 0]) + bytes(4) + (28).to_bytes(4, 'big')
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.bind(('192.0.2.2', 500)); s.sendto(ike, ('192.0.2.1', 500)); s.close()
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.bind(('192.0.2.2', 4500))
                s.sendto(bytes.fromhex('c0ffee0100000001') + bytes(40), ('192.0.2.1', 4500))
                s.sendto(b'\xff', ('192.0.2.1', 4500)); s.close()
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.bind(('192.0.2.2', 1701)); s.sendto(bytes.fromhex('c802000c0000000000000000'), ('192.0.2.1', 1701)); s.close()
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.sendto(bytes(30), ('192.0.2.1', 53)); s.close()
                """;
            ExternalTool.Run(ip, ["netns", "exec", client, python, "-c", sender]);

            // Stopped as a service manager or `timeout` stops it, with SIGTERM: the file must be complete
            // and the exit clean. (SIGTERM rather than SIGINT: a test runner started in the background
            // inherits SIGINT ignored, and .NET then never delivers it; a terminal's Ctrl+C is not ignored.)
            await Task.Delay(500, TestContext.Current.CancellationToken);
            ExternalTool.Run(ExternalTool.Require("kill", "procps"), ["-TERM", capture.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(capture.WaitForExit(TimeSpan.FromSeconds(30)), "the capture did not stop on SIGTERM");
            Assert.Equal(0, capture.ExitCode);

            var sink = new RecordingSink();
            DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, output, "live.pcapng", InputKind.Pcapng), sink,
                AnalysisLimits.Default, TestContext.Current.CancellationToken);
            Assert.Equal([TrafficKind.Ike, TrafficKind.EspInUdp, TrafficKind.NatKeepalive, TrafficKind.L2tp], sink.Kinds);
            Assert.All(sink.Sources, s => Assert.Equal("192.0.2.2", s.Address.ToString()));
            Assert.Equal(4, summary.Frames);
        }
        finally
        {
            Tolerant(ip, ["netns", "del", server]);
            Tolerant(ip, ["netns", "del", client]);
            File.Delete(output);
        }
    }

    /// <summary>libpcap hidden in a private mount namespace (real files bind-mounted over with /dev/null).</summary>
    [Fact]
    public void Without_libpcap_the_capture_verb_says_in_one_line_what_to_install()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("hiding libpcap needs root (a private mount namespace)");
        }

        string unshare = ExternalTool.Require("unshare", "util-linux");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ExternalTool.Require("dotnet", "dotnet-sdk");
        string vpndiag = Path.Combine(AppContext.BaseDirectory, "vpndiag.dll");
        const string hide = "for f in /usr/lib/*/libpcap.so* /usr/lib/libpcap.so* /usr/lib64/libpcap.so*; do "
            + "[ -f \"$f\" ] && [ ! -L \"$f\" ] && mount --bind /dev/null \"$f\"; done; exec \"$0\" \"$@\"";
        var start = new ProcessStartInfo(unshare) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "-m", "sh", "-c", hide, dotnet, vpndiag, "capture", "-i", "lo", "--duration", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(string.Empty, stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vpndiag: error: live capture needs libpcap", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install libpcap0.8", line, StringComparison.Ordinal);
    }

    private static void Tolerant(string tool, string[] arguments)
    {
        try
        {
            ExternalTool.Run(tool, arguments);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private sealed class RecordingSink : IVpnTrafficSink
    {
        public List<TrafficKind> Kinds { get; } = [];

        public List<NetEndpoint> Sources { get; } = [];

        public void OnDatagram(in VpnDatagram datagram)
        {
            Kinds.Add(datagram.Kind);
            Sources.Add(datagram.Source);
        }

        public void OnIncompleteDatagram(IncompleteIpDatagram datagram)
        {
        }

        public void OnDiagnostic(InputDiagnostic diagnostic)
        {
        }
    }
}

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
    /// IKE, NAT-T ESP, a keepalive and L2TP, and drops the DNS query the filter does not cover. It is
    /// stopped as a person stops it (Ctrl+C: SIGINT) and as a service manager or `timeout` does
    /// (SIGTERM), after the link has gone quiet: the file must be complete, the summary printed and
    /// the exit clean.
    /// </summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_live_capture_in_a_network_namespace_keeps_exactly_the_VPN_traffic_and_ends_cleanly_on_a_stop_signal(string signal)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("live capture needs root (network namespaces, raw sockets)");
        }

        string ip = ExternalTool.Require("ip", "iproute2");
        string python = ExternalTool.Require("python3", "python3");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ExternalTool.Require("dotnet", "dotnet-sdk");
        string vpndiag = Path.Combine(AppContext.BaseDirectory, "vpndiag.dll");
        string suffix = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + signal[0];
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

            // A process started in the background (this test runner may be) inherits SIGINT ignored,
            // and an ignored signal stays ignored across exec; a terminal gives the default. The
            // wrapper restores the default, so the capture meets SIGINT as it would at a terminal.
            const string defaultInterrupt = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])";
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "-c", defaultInterrupt, ip, "netns", "exec", server, dotnet, vpndiag, "capture", "-i", "vds" + suffix, "-w", output })
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

            // The link is quiet from here on: the stop must not wait for another packet.
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            ExternalTool.Run(ExternalTool.Require("kill", "procps"), ["-" + signal, capture.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(capture.WaitForExit(TimeSpan.FromSeconds(30)), $"the capture did not stop on SIG{signal}");
            string rest = await capture.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            Assert.True(capture.ExitCode == 0, $"exit {capture.ExitCode}: {rest}{await errors}");
            Assert.Contains($"captured 4 packets into {output}", rest, StringComparison.Ordinal);

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

    /// <summary>
    /// The bug this guards against: on a link where the filter lets nothing through, libpcap's
    /// blocking read never came back, so --duration never ended the capture. The loopback of a
    /// namespace made for the test carries nothing at all.
    /// </summary>
    [Fact]
    public async Task A_capture_on_a_quiet_link_ends_after_its_duration_with_its_summary()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("live capture needs root (network namespaces, raw sockets)");
        }

        string ip = ExternalTool.Require("ip", "iproute2");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ExternalTool.Require("dotnet", "dotnet-sdk");
        string vpndiag = Path.Combine(AppContext.BaseDirectory, "vpndiag.dll");
        string suffix = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string quiet = "vpndiag-quiet-" + suffix;
        string output = Path.Combine(Path.GetTempPath(), $"vpndiag-quiet-{suffix}.pcapng");
        try
        {
            ExternalTool.Run(ip, ["netns", "add", quiet]);
            ExternalTool.Run(ip, ["-n", quiet, "link", "set", "lo", "up"]);
            var start = new ProcessStartInfo(ip) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "netns", "exec", quiet, dotnet, vpndiag, "capture", "-i", "lo", "-w", output, "--duration", "1" })
            {
                start.ArgumentList.Add(argument);
            }

            using Process capture = Process.Start(start)!;
            Task<string> errors = capture.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            Task<string> said = capture.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            bool ended = capture.WaitForExit(TimeSpan.FromSeconds(30));
            if (!ended)
            {
                capture.Kill();
            }

            Assert.True(ended, "the capture did not end after its duration on a quiet link");
            Assert.True(capture.ExitCode == 0, $"exit {capture.ExitCode}: {await errors}");
            Assert.Contains($"captured 0 packets into {output}", await said, StringComparison.Ordinal);
            Assert.True(new FileInfo(output).Length > 0, "the pcapng file has no section header");
        }
        finally
        {
            Tolerant(ip, ["netns", "del", quiet]);
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

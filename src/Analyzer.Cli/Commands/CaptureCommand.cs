using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Analyzer.Capture;
using Analyzer.Capture.Pcapng;
using Analyzer.Core;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Cli.Commands;

/// <summary>
/// <c>vpndiag capture -i IFACE</c>: records exactly the VPN traffic on a server or client (IKE,
/// NAT-T, ESP, AH, L2TP, PPTP, GRE and IP fragments) into pcapng, for <c>vpndiag analyze</c>.
/// Live capture needs libpcap (Npcap on Windows); reading files never does.
/// </summary>
internal static class CaptureCommand
{
    /// <summary>
    /// The VPN traffic, plus every non-first IPv4 fragment and every IPv6 fragment: fragments after
    /// the first carry no ports, and a lost fragment of a large IKE message is a classic failure.
    /// </summary>
    public const string VpnFilter =
        "udp port 500 or udp port 4500 or udp port 1701 or tcp port 1723 or ip proto 50 or ip proto 51 or ip proto 47"
        + " or ip6 proto 50 or ip6 proto 51 or ip6 proto 47 or (ip and ip[6:2] & 0x1fff != 0) or (ip6 and ip6[6] == 44)";

    // The device is read without blocking and the loop waits itself, at most this long, on the stop
    // token. A blocking read cannot be relied on to come back: on Linux, libpcap's read timeout is
    // the kernel's, which does not wake a reader while the filter lets nothing through, so on a quiet
    // link neither --duration nor Ctrl+C ended the capture (and the file stayed empty).
    private const int IdleWaitMilliseconds = 50;

    // How long the kernel may hold packets before handing them over when immediate delivery is
    // unavailable; immediate mode (asked for below) hands each packet over at once.
    private const int ReadTimeoutMilliseconds = 200;
    private const int SnapLength = 262144;

    public static Command Create()
    {
        var interfaceOption = new Option<string>("--interface", "-i") { Description = "Interface to capture on (as `ip link` or Npcap names it).", Required = true };
        var writeOption = new Option<string?>("--write", "-w") { Description = "pcapng file to write (default vpndiag-<time>.pcapng)." };
        var durationOption = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl+C)." };
        var ringOption = new Option<string?>("--ring") { Description = "Keep a ring of N files of M megabytes, written as NxM (e.g. 10x100)." };
        var command = new Command("capture", "Capture VPN traffic (IKE, NAT-T, ESP, L2TP, PPTP, fragments) to pcapng for analysis.\n\nExamples:\n  vpndiag capture -i eth0 -w vpn.pcapng --duration 120\n  vpndiag capture -i eth0 -w vpn.pcapng --ring 10x100")
        {
            interfaceOption,
            writeOption,
            durationOption,
            ringOption,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            string device = parseResult.GetValue(interfaceOption)!;
            string path = parseResult.GetValue(writeOption)
                ?? "vpndiag-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".pcapng";
            double? duration = parseResult.GetValue(durationOption);
            if (!TryParseRing(parseResult.GetValue(ringOption), out int ringFiles, out long ringBytes))
            {
                error.WriteLine("vpndiag: error: --ring takes N×MB, for example 10x100 (ten files of 100 MB)");
                return Task.FromResult(2);
            }

            return Task.FromResult(Run(device, path, duration, ringFiles, ringBytes, output, error, cancellationToken));
        });
        return command;
    }

    internal static bool TryParseRing(string? text, out int files, out long bytes)
    {
        files = 0;
        bytes = 0;
        if (text is null)
        {
            return true;
        }

        string[] parts = text.Split('x', '×', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out files) && files is > 0 and <= 10_000
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long megabytes) && megabytes is > 0 and <= 1_000_000)
        {
            bytes = megabytes * 1_000_000;
            return true;
        }

        files = 0;
        return false;
    }

    private static int Run(string deviceName, string path, double? duration, int ringFiles, long ringBytes,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        LibPcapLiveDevice? device;
        try
        {
            device = FindDevice(deviceName, out string available);
            if (device is null)
            {
                error.WriteLine($"vpndiag: error: no capture interface named {deviceName}; available: {available}");
                return 2;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            error.WriteLine("vpndiag: error: live capture needs libpcap, which is not installed (Debian/Ubuntu: apt-get install libpcap0.8; "
                + "Red Hat: dnf install libpcap; Windows: install Npcap from https://npcap.com). Analysing capture files does not need it.");
            return 2;
        }

        try
        {
            device.Open(new DeviceConfiguration { Snaplen = SnapLength, ReadTimeout = ReadTimeoutMilliseconds, Mode = DeviceModes.None, Immediate = true });
            device.Filter = VpnFilter;
            device.NonBlockingMode = true;
        }
        catch (PcapException e)
        {
            error.WriteLine($"vpndiag: error: {deviceName}: cannot capture: {OneLine(e.Message)} (capturing needs root or CAP_NET_RAW)");
            return 2;
        }

        // Ctrl+C (SIGINT) and a service stop (SIGTERM) end the capture the way --duration does: the
        // loop sees the token within one read timeout, the files are flushed and the summary printed.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using (device)
        {
            return Record(device, path, duration, ringFiles, ringBytes, output, error, stop.Token);
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static int Record(LibPcapLiveDevice device, string path, double? duration, int ringFiles, long ringBytes,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var linkType = (LinkType)(ushort)device.LinkType;
        CaptureFileSet files;
        try
        {
            files = new CaptureFileSet(path, linkType, SnapLength, ringFiles, ringBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"vpndiag: error: {path}: cannot write: {OneLine(e.Message)}");
            return 2;
        }

        using (files)
        {
            output.WriteLine($"capturing VPN traffic on {device.Name} into {path}{(ringFiles > 0 ? $" (ring of {ringFiles} files)" : string.Empty)}; Ctrl+C stops");

            // Whoever watches (a person, a script waiting to start its traffic) needs this line now,
            // not when the buffered output is written at the end.
            output.Flush();
            DateTime stopAt = duration is double seconds ? DateTime.UtcNow.AddSeconds(seconds) : DateTime.MaxValue;
            while (!cancellationToken.IsCancellationRequested && DateTime.UtcNow < stopAt)
            {
                GetPacketStatus status = device.GetNextPacket(out PacketCapture packet);
                if (status == GetPacketStatus.PacketRead)
                {
                    // The filter lets only VPN traffic through, so a copy per packet costs little.
                    RawCapture raw = packet.GetPacket();
                    PosixTimeval time = raw.Timeval;
                    files.Write(Timestamp.FromUnix((long)time.Seconds, (long)time.MicroSeconds * 1000, 6), raw.Data, raw.PacketLength);
                }
                else if (status == GetPacketStatus.Error)
                {
                    error.WriteLine($"vpndiag: error: {device.Name}: capture stopped: {OneLine(device.LastError)}");
                    break;
                }
                else
                {
                    // Nothing waiting: sleep until the next look, or until Ctrl+C, whichever is first.
                    TimeSpan left = stopAt - DateTime.UtcNow;
                    int wait = left.TotalMilliseconds < IdleWaitMilliseconds ? Math.Max(0, (int)left.TotalMilliseconds) : IdleWaitMilliseconds;
                    cancellationToken.WaitHandle.WaitOne(wait);
                }
            }

            files.Flush();
            output.WriteLine($"captured {files.Packets} packets into {string.Join(", ", files.Files)}");

            // Analysis is a separate run, so a ring capture can keep going while its files are analysed.
            output.WriteLine($"analyse with: vpndiag analyze {string.Join(' ', files.Files.Select(Quote))}");
        }

        return 0;
    }

    private static LibPcapLiveDevice? FindDevice(string name, out string available)
    {
        var names = new List<string>();
        foreach (LibPcapLiveDevice candidate in LibPcapLiveDeviceList.Instance)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal) || string.Equals(candidate.Interface?.FriendlyName, name, StringComparison.Ordinal))
            {
                available = string.Empty;
                return candidate;
            }

            names.Add(candidate.Name);
        }

        available = names.Count == 0 ? "(none visible: are you root?)" : string.Join(", ", names);
        return null;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;

    private static string OneLine(string? message) => (message ?? string.Empty).ReplaceLineEndings(" ").Trim();
}

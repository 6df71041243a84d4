using Analyzer.Capture.Pcapng;
using Analyzer.Core;

namespace Analyzer.Capture.Tests;

public sealed class CaptureFileSetTests
{
    [Fact]
    public void A_ring_keeps_only_its_newest_files_and_each_reads_as_a_capture()
    {
        string directory = Path.Combine(Path.GetTempPath(), "vpndiag-ring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            byte[] packet = new byte[1000];
            using (var set = new CaptureFileSet(Path.Combine(directory, "vpn.pcapng"), LinkType.Ethernet, ringFiles: 3, ringFileBytes: 10_000))
            {
                for (int i = 0; i < 60; i++)
                {
                    packet[0] = (byte)i;
                    set.Write(new Timestamp(1_764_000_000_000_000_000 + (i * 1000L), 6), packet, packet.Length);
                }

                Assert.Equal(3, set.Files.Count);
            }

            string[] files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["vpn_00005.pcapng", "vpn_00006.pcapng", "vpn_00007.pcapng"], files.Select(Path.GetFileName));
            var frames = files.SelectMany(f => ReadFrame.ReadAll(f).Frames).ToList();
            Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 10_000));
            Assert.Equal(59, frames[^1].Data[0]);
            Assert.Equal(Enumerable.Range(60 - frames.Count, frames.Count).Select(i => (byte)i), frames.Select(f => f.Data[0]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

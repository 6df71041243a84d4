using System.Globalization;
using Analyzer.Testing;

namespace Analyzer.Capture.Tests;

/// <summary>What tshark says about each frame of a file: the reader's oracle.</summary>
public sealed record TsharkFrame(long Number, string Epoch, long Length, long CapturedLength, int InterfaceId)
{
    public static List<TsharkFrame> Read(string path)
    {
        string output = Tshark.Run(path,
        [
            "-n", "-T", "fields", "-E", "separator=/t",
            "-e", "frame.number", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.interface_id",
        ]);
        var frames = new List<TsharkFrame>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            frames.Add(new TsharkFrame(
                long.Parse(f[0], CultureInfo.InvariantCulture),
                f[1],
                long.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture),
                f[4].Length > 0 ? int.Parse(f[4], CultureInfo.InvariantCulture) : 0));
        }

        return frames;
    }
}

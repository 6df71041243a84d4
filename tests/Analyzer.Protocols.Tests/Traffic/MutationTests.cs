using Analyzer.Capture;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Testing;

namespace Analyzer.Protocols.Tests.Traffic;

/// <summary>
/// Deterministic mutants of every real capture (fixed seed): bit flips, truncation, length fields
/// overwritten, garbage inserted. Decoding must end normally or with one CaptureFormatException,
/// and every diagnostic must name the input and say where.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MutationTests
{
    private const int MutantsPerCapture = 120;

    public static TheoryData<string> Captures => CaptureCorpus.All();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Mutants_of_a_real_capture_decode_or_are_refused_cleanly(string capture)
    {
        string path = CaptureCorpus.Resolve(capture);
        byte[] original = File.ReadAllBytes(path);
        var random = new Random(capture.Length * 7919);
        for (int i = 0; i < MutantsPerCapture; i++)
        {
            byte[] mutant = Mutate(original, random, out string how);
            var sink = new RecordingSink();
            try
            {
                using var stream = new MemoryStream(mutant, writable: false);
                DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, capture, "mutant.pcap", InputKind.Unknown), stream, sink,
                    AnalysisLimits.Default, TestContext.Current.CancellationToken);
                Assert.True(summary.Frames >= 0, how);
            }
            catch (CaptureFormatException e)
            {
                Assert.StartsWith("mutant.pcap", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.Message);
            }

            foreach (InputDiagnostic diagnostic in sink.Diagnostics)
            {
                Assert.Equal("mutant.pcap", diagnostic.Input);
                Assert.True(diagnostic.Offset is not null || diagnostic.Frame is not null, $"{how}: {diagnostic} says neither offset nor frame");
                Assert.True(diagnostic.Offset is null || (diagnostic.Offset >= 0 && diagnostic.Offset <= mutant.Length), $"{how}: {diagnostic} offset outside the file");
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random, out string how)
    {
        byte[] mutant = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0:
                int flips = random.Next(1, 8);
                for (int f = 0; f < flips; f++)
                {
                    int at = random.Next(mutant.Length);
                    mutant[at] ^= (byte)(1 << random.Next(8));
                }

                how = $"{flips} bit flips";
                return mutant;
            case 1:
                int length = random.Next(mutant.Length);
                how = $"truncated to {length}";
                return mutant[..length];
            case 2:
                int word = random.Next(mutant.Length / 4) * 4;
                uint value = random.Next(3) switch { 0 => 0u, 1 => 0xFFFFFFFFu, _ => (uint)random.Next() };
                BitConverter.GetBytes(value).AsSpan(0, Math.Min(4, mutant.Length - word)).CopyTo(mutant.AsSpan(word));
                how = $"word at {word} set to 0x{value:X}";
                return mutant;
            case 3:
                int insertAt = random.Next(mutant.Length);
                byte[] garbage = new byte[random.Next(1, 300)];
                random.NextBytes(garbage);
                how = $"{garbage.Length} garbage bytes at {insertAt}";
                return [.. mutant[..insertAt], .. garbage, .. mutant[insertAt..]];
            default:
                int start = random.Next(mutant.Length);
                int count = Math.Min(random.Next(1, 64), mutant.Length - start);
                random.NextBytes(mutant.AsSpan(start, count));
                how = $"{count} random bytes at {start}";
                return mutant;
        }
    }
}

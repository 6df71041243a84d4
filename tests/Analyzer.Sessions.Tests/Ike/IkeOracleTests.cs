using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>On every public and lab capture, IKE messages, exchange types and payload lists equal tshark's.</summary>
public sealed class IkeOracleTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (string root in CaptureRoots())
        {
            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string extension = Path.GetExtension(file);
                if (extension is ".pcap" or ".pcapng" or ".cap")
                {
                    data.Add(Path.GetRelativePath(RepoPaths.Root, file));
                }
            }
        }

        if (data.Count == 0)
        {
            data.Add("(no captures present)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Messages_exchange_types_and_payloads_equal_tsharks(string capture)
    {
        if (capture.StartsWith('('))
        {
            Assert.Skip("neither ../shared/captures nor samples/captures nor the lab's samples are present");
        }

        string path = Path.GetFullPath(Path.Combine(RepoPaths.Root, capture));
        List<TsharkIkeOracle.Message> expected = TsharkIkeOracle.Read(path);
        CaptureModel model = TsharkIkeFeed.Reconstruct(path);
        var actual = model.IkeSas.SelectMany(sa => sa.Messages).OrderBy(m => m.Frame.Frame).ToList();

        var expectedRows = expected.Where(m => m.ExchangeType >= 0).ToList();
        Assert.Equal(expectedRows.Select(m => m.Frame), actual.Select(m => m.Frame.Frame));
        for (int i = 0; i < expectedRows.Count; i++)
        {
            TsharkIkeOracle.Message want = expectedRows[i];
            IkeMessage got = actual[i];
            Assert.Equal(ExchangeTypeNames.Table.Name(want.ExchangeType), ExchangeTypeNames.Name((ExchangeType)got.ExchangeType));
            List<string> wantPayloads = want.Payloads.Select(p => PayloadNames.Table.Name(p)).ToList();

            // Where tshark's dissector threw (it marks the frame malformed), it lists fewer payloads than the chain holds.
            List<string> gotPayloads = want.Malformed ? got.Payloads.Take(wantPayloads.Count).ToList() : got.Payloads;
            Assert.True(wantPayloads.SequenceEqual(gotPayloads),
                $"frame {want.Frame}: tshark [{string.Join(", ", wantPayloads)}], vpndiag [{string.Join(", ", got.Payloads)}]");
        }
    }

    private static IEnumerable<string> CaptureRoots()
    {
        if (RepoPaths.Shared is string shared && Directory.Exists(Path.Combine(shared, "captures")))
        {
            yield return Path.Combine(shared, "captures");
        }

        string samples = Path.Combine(RepoPaths.Samples, "captures");
        if (Directory.Exists(samples))
        {
            yield return samples;
        }
        else if (Directory.Exists("/work/wt/lab/samples/captures"))
        {
            // The lab's scenarios before the lead merges them into samples/.
            yield return "/work/wt/lab/samples/captures";
        }
    }
}

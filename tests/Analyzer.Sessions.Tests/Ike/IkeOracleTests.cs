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
        AssertSameAsTshark(path, null);
    }

    public static TheoryData<string> CapturesWithKeys()
    {
        var data = new TheoryData<string>();
        foreach (string capture in Captures().Select(row => row.Data))
        {
            string path = Path.GetFullPath(Path.Combine(RepoPaths.Root, capture));
            if (File.Exists(Path.Combine(Path.GetDirectoryName(path)!, KeyTableName)))
            {
                data.Add(capture);
            }
        }

        if (data.Count == 0)
        {
            data.Add("(no lab capture with an ikev1-decryption-table)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CapturesWithKeys))]
    public void Decrypted_payloads_equal_tsharks_with_the_logged_keys(string capture)
    {
        if (capture.StartsWith('('))
        {
            Assert.Skip("no lab scenario with charon's logged keys (ikev1-decryption-table) is present");
        }

        string path = Path.GetFullPath(Path.Combine(RepoPaths.Root, capture));
        string table = Path.Combine(Path.GetDirectoryName(path)!, KeyTableName);
        CaptureModel model = AssertSameAsTshark(path, table);
        if (model.IkeSas.Any(sa => sa.Messages.Any(m => m.Encrypted && m.Exchange == IkeExchangeKind.MainMode)))
        {
            Assert.Contains(model.IkeSas, sa => sa.Decrypted);
        }
    }

    private const string KeyTableName = "ikev1-decryption-table";

    private static CaptureModel AssertSameAsTshark(string path, string? keyTable)
    {
        List<TsharkIkeOracle.Message> expected = TsharkIkeOracle.Read(path, keyTable is null ? null : File.ReadAllLines(keyTable).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')));
        CaptureModel model = DecodedCapture.Reconstruct(path, keyTable is null ? null : Analyzer.Protocols.Ike.Decryption.IkeKeyTable.Load(keyTable));
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

            // With a key that is not the sender's (PSK mismatch: each side derives its own), tshark lists the noise it
            // decrypted; vpndiag refuses it and records why. That refusal is checked instead of a payload list.
            if (!got.Decrypted && got.Encrypted && keyTable is not null
                && model.IkeSas.Any(sa => sa.Anomalies.Any(a => a.Kind == IkeAnomalyKind.DecryptionFailed && a.Frame.Frame == got.Frame.Frame)))
            {
                continue;
            }

            Assert.True(wantPayloads.SequenceEqual(gotPayloads),
                $"frame {want.Frame}: tshark [{string.Join(", ", wantPayloads)}], vpndiag [{string.Join(", ", got.Payloads)}]");
        }

        return model;
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

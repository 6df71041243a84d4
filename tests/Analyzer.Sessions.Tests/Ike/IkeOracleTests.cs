using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>On every public and lab capture, IKE messages, exchange types and payload lists equal tshark's.</summary>
public sealed class IkeOracleTests
{
    public static TheoryData<string> Captures() => CaptureCorpus.All();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Messages_exchange_types_and_payloads_equal_tsharks(string capture)
    {
        AssertSameAsTshark(CaptureCorpus.Resolve(capture), null);
    }

    /// <summary>The lab captures that come with the keys charon logged (an ikev1-decryption-table beside them).</summary>
    public static TheoryData<string> CapturesWithKeys()
    {
        TheoryData<string> data = CaptureCorpus.Where(path => File.Exists(Path.Combine(Path.GetDirectoryName(path)!, KeyTableName)));
        if (data.Count == 1 && data.First().Data.Length == 0)
        {
            return new TheoryData<string>("(no lab capture with an ikev1-decryption-table)");
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

        string path = CaptureCorpus.Resolve(capture);
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
            List<string> gotPayloads = want.Malformed ? got.Payloads.Take(wantPayloads.Count).Select(PayloadNames.Name).ToList() : got.Payloads.Select(PayloadNames.Name).ToList();

            // With a key that is not the sender's (PSK mismatch: each side derives its own), tshark lists the noise it
            // decrypted; vpndiag refuses it and records why. That refusal is checked instead of a payload list.
            if (!got.Decrypted && got.Encrypted && keyTable is not null
                && model.IkeSas.Any(sa => sa.Anomalies.Any(a => a.Kind == IkeAnomalyKind.DecryptionFailed && a.Frame.Frame == got.Frame.Frame)))
            {
                continue;
            }

            Assert.True(wantPayloads.SequenceEqual(gotPayloads),
                $"frame {want.Frame}: tshark [{string.Join(", ", wantPayloads)}], vpndiag [{string.Join(", ", gotPayloads)}]");
        }

        return model;
    }
}

using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Reporting.Building;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Tests.Fixtures;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Tests;

/// <summary>
/// The report model spells repeated values once and shares them (docs/performance.md, seventh
/// session); sharing must never merge two values that read differently.
/// </summary>
public sealed class SharedSpellingsTests
{
    private static readonly IkeProposal Aes256 = new(1, 1, SecurityProtocol.Ike, false, 256, 28800)
    {
        Attributes = [new(Ikev1AttributeNames.Phase1Encryption, 7), new(Ikev1AttributeNames.Phase1KeyLength, 256)],
        Algorithms = [new(TransformRegistry.V1Encryption, 7), new(TransformRegistry.V1Hash, 4), new(TransformRegistry.DhGroup, 14)],
    };

    [Fact]
    public void Proposals_with_the_same_values_share_one_report_and_any_differing_value_gets_its_own()
    {
        var reports = new ProposalReports();
        // Equal values in other list instances, as every SA of a capture holds its own copy.
        IkeProposal same = Aes256 with { Attributes = [.. Aes256.Attributes], Algorithms = [.. Aes256.Algorithms] };
        IkeProposal otherGroup = Aes256 with { Algorithms = [new(TransformRegistry.V1Encryption, 7), new(TransformRegistry.V1Hash, 4), new(TransformRegistry.DhGroup, 2)] };
        IkeProposal otherRaw = Aes256 with { Attributes = [new(Ikev1AttributeNames.Phase1Encryption, 7), new(Ikev1AttributeNames.Phase1KeyLength, 256, [1, 2])] };
        IkeProposal otherRawBytes = Aes256 with { Attributes = [new(Ikev1AttributeNames.Phase1Encryption, 7), new(Ikev1AttributeNames.Phase1KeyLength, 256, [1, 3])] };
        IkeProposal otherLifetime = Aes256 with { LifetimeSeconds = 3600 };

        ReportProposal first = reports.Of(Aes256);

        Assert.Same(first, reports.Of(same));
        ReportProposal spelled = IkeSection.ToReport(Aes256);
        Assert.Equal((spelled.Summary, spelled.Encryption, spelled.KeyLength, spelled.Hash, spelled.DhGroup, spelled.LifetimeSeconds), (first.Summary, first.Encryption, first.KeyLength, first.Hash, first.DhGroup, first.LifetimeSeconds));
        Assert.Equal(spelled.Attributes, first.Attributes);
        foreach (IkeProposal different in new[] { otherGroup, otherRaw, otherLifetime })
        {
            Assert.NotSame(first, reports.Of(different));
        }

        Assert.NotSame(reports.Of(otherRaw), reports.Of(otherRawBytes));
        Assert.NotEqual(first.DhGroup, reports.Of(otherGroup).DhGroup);
    }

    [Fact]
    public void An_ike_timeline_line_is_spelled_whole_however_many_notifies_it_names_and_equal_lines_are_one_string()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        IkeSa sa = @case.Captures[0].IkeSas[0];
        IkeMessage message = sa.Messages[1];
        var texts = new IkeTimelineTexts();
        string before = texts.Of(sa, message);
        Assert.Same(before, texts.Of(sa, message));

        // Forty notifies make a line far past the reused buffer's 256 characters.
        for (int i = 0; i < 40; i++)
        {
            message.Notifies.Add(new IkeNotifyObservation(message.Frame, NotifyTypes.V1InvalidKeyInformation, V2: false, FromInitiator: false, Encrypted: false));
        }

        string longLine = texts.Of(sa, message);

        Assert.StartsWith(before, longLine, StringComparison.Ordinal);
        Assert.Equal(40, CountOf(longLine, " notify INVALID-KEY-INFORMATION"));
        Assert.True(longLine.Length > 256);
    }

    [Fact]
    public void The_timeline_gives_each_ike_message_the_time_the_ike_section_spelled()
    {
        ReportDocument document = ReportBuilder.Build(SyntheticCase.Build(hostile: false), SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        ReportIkeMessage[] messages = [.. document.Ike.Sas.SelectMany(s => s.Messages)];
        ReportTimelineEntry[] ike = [.. document.Timeline.Where(e => e.Source == "ike")];
        Assert.NotEmpty(messages);
        foreach (ReportIkeMessage message in messages)
        {
            ReportTimelineEntry entry = Assert.Single(ike, e => e.Frame == message.Frame);
            Assert.Equal(message.Time, entry.Time);
        }
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

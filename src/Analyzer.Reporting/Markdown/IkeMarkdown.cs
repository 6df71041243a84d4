using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Per-SA details: peers, cookies, NAT-T, vendor IDs, proposals, identities, certificates, notifies, messages.</summary>
internal sealed class IkeMarkdown : IMarkdownSection
{
    private const int MessageRows = 300;

    public void Write(ReportDocument document, MarkdownOut output)
    {
        if (document.Ike.Sas.Count == 0)
        {
            return;
        }

        output.Heading(2, "IKE security associations");
        if (document.Ike.SasNotListed > 0)
        {
            output.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{document.Ike.Sas.Count} of {document.Ike.Sas.Count + document.Ike.SasNotListed} IKE SAs are in this report: those cited by findings and those that did not come up first."));
        }

        for (int i = 0; i < document.Ike.Sas.Count && i < MarkdownOut.MaxDetailed; i++)
        {
            WriteSa(document.Ike.Sas[i], i, output);
        }

        output.MoreDetailed(document.Ike.Sas.Count, "IKE SAs");
    }

    private static void WriteSa(ReportIkeSa sa, int index, MarkdownOut output)
    {
        output.Heading(3, string.Create(CultureInfo.InvariantCulture, $"IKE SA {index + 1}: ")
            + MarkdownText.Escape(sa.Initiator) + " → " + MarkdownText.Escape(sa.Responder)
            + string.Create(CultureInfo.InvariantCulture, $" (IKEv{sa.Version} ") + MarkdownText.Escape(ReportLabels.Exchange(sa.Exchange))
            + ", " + MarkdownText.Escape(ReportLabels.State(sa.State)) + ")");
        string first = sa.Messages.Count > 0 ? sa.Messages[0].Time : string.Empty;
        output.Facts(
        [
            ("Capture", MarkdownText.Escape(sa.Input)),
            ("First message", MarkdownText.Escape(first)),
            ("Initiator cookie / SPI", MarkdownText.Code(sa.InitiatorCookie)),
            ("Responder cookie / SPI", MarkdownText.Code(sa.ResponderCookie)),
            ("Wireshark filter", MarkdownText.Code(ReportLabels.IspiFilter(sa.InitiatorCookie))),
            ("Authentication", MarkdownText.Escape(sa.AuthenticationMethod)),
            ("Chosen proposal", MarkdownText.Escape(sa.Chosen?.Summary)),
            ("NAT traversal", MarkdownText.Escape(NatText(sa.Nat))),
            ("Decrypted", sa.Decrypted ? "yes, with a key from " + (sa.DecryptedWithKeyFrom ?? "the key files") : string.Empty),
            ("Child SPIs", MarkdownText.Escape(string.Join(", ", sa.ChildSpis))),
        ]);
        output.Diagram("ike-" + index.ToString(CultureInfo.InvariantCulture));

        if (sa.VendorIds.Count > 0)
        {
            output.Paragraph("**Vendor IDs**");
            output.Table(["From", "Name", "Hex", "Printable text"], sa.VendorIds.Select(v => new[]
            {
                v.From, MarkdownText.Cell(v.Name ?? "unknown"), MarkdownText.Code(v.Hex), MarkdownText.Cell(v.Text),
            }));
        }

        if (sa.Proposals.Count > 0)
        {
            output.Paragraph("**Proposals offered by the initiator**");
            output.Table(["Proposal", "Transform", "Protocol", "Transform summary", "Lifetime (s)"], sa.Proposals.Select(p => new[]
            {
                p.Proposal.ToString(CultureInfo.InvariantCulture), p.Transform.ToString(CultureInfo.InvariantCulture),
                MarkdownText.Cell(p.Protocol), MarkdownText.Cell(p.Summary),
                p.LifetimeSeconds?.ToString(CultureInfo.InvariantCulture) ?? "—",
            }));
        }

        if (sa.Identities.Count > 0)
        {
            output.Paragraph("**Identities**");
            output.Table(["Frame", "From", "Type", "Value", "Protocol/port"], sa.Identities.Select(id => new[]
            {
                id.Frame.ToString(CultureInfo.InvariantCulture), id.From, MarkdownText.Cell(id.Type), MarkdownText.Cell(id.Value),
                string.Create(CultureInfo.InvariantCulture, $"{id.Protocol}/{id.Port}"),
            }));
        }

        if (sa.Certificates.Count > 0)
        {
            output.Paragraph("**Certificates**");
            output.Table(["Frame", "From", "Subject", "Issuer", "Valid", "Key bits", "Problem"], sa.Certificates.Select(c => new[]
            {
                c.Frame.ToString(CultureInfo.InvariantCulture), c.From, MarkdownText.Cell(c.Subject), MarkdownText.Cell(c.Issuer),
                MarkdownText.Cell(c.NotBefore is null && c.NotAfter is null ? null : c.NotBefore + " to " + c.NotAfter),
                c.KeySizeBits?.ToString(CultureInfo.InvariantCulture) ?? "—", MarkdownText.Cell(c.Error),
            }));
        }

        if (sa.CertificateRequests.Count > 0)
        {
            output.Paragraph("**Certificate requests**");
            output.Table(["Frame", "From", "Encoding", "CA asked for"], sa.CertificateRequests.Select(r => new[]
            {
                r.Frame.ToString(CultureInfo.InvariantCulture), r.From, MarkdownText.Cell(r.Encoding), MarkdownText.Cell(r.CertificateAuthority ?? "any CA"),
            }));
        }

        if (sa.Notifies.Count > 0)
        {
            output.Paragraph("**Notifies**");
            output.Table(["Frame", "Time", "From", "Notify", "Error", "Encrypted", "Detail"], sa.Notifies.Select(n => new[]
            {
                n.Frame.ToString(CultureInfo.InvariantCulture), ReportLabels.TimeOfDay(n.Time), n.From,
                MarkdownText.Escape(n.Name) + string.Create(CultureInfo.InvariantCulture, $" ({n.Type})"),
                ReportLabels.YesNo(n.Error), ReportLabels.YesNo(n.Encrypted), MarkdownText.Cell(n.Detail),
            }));
        }

        if (sa.Deletes.Count > 0 || sa.Anomalies.Count > 0 || sa.IncompleteDatagrams.Count > 0)
        {
            output.Paragraph("**Deletes, anomalies and lost fragments**");
            var rows = new List<string[]>();
            rows.AddRange(sa.Deletes.Select(d => new[]
            {
                d.Frame.ToString(CultureInfo.InvariantCulture), "delete from " + d.From,
                MarkdownText.Escape(d.Protocol + " " + string.Join(", ", d.Spis)),
            }));
            rows.AddRange(sa.Anomalies.Select(a => new[]
            {
                a.Frame.ToString(CultureInfo.InvariantCulture), MarkdownText.Escape(a.Kind), MarkdownText.Cell(a.Detail),
            }));
            rows.AddRange(sa.IncompleteDatagrams.Select(d => new[]
            {
                string.Join(", ", d.Frames), "IP fragments lost",
                MarkdownText.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{d.From} → {d.To}: {d.ReceivedBytes} of {(d.TotalLength is int total ? total.ToString(CultureInfo.InvariantCulture) : "?")} bytes arrived")),
            }));
            output.Table(["Frame", "What", "Detail"], rows);
        }

        if (sa.Exchanges.Count > 0)
        {
            output.Paragraph("**Exchanges**");
            output.Table(["Exchange", "Message id", "State", "Messages", "Stalled after", "Rejected by", "Chosen"], sa.Exchanges.Select(x => new[]
            {
                MarkdownText.Escape(ReportLabels.Exchange(x.Kind)), MessageId(x.MessageId), MarkdownText.Escape(ReportLabels.State(x.State)),
                x.Messages.ToString(CultureInfo.InvariantCulture),
                x.StalledAfterMessage?.ToString(CultureInfo.InvariantCulture) ?? "—", MarkdownText.Cell(x.RejectingNotify),
                MarkdownText.Cell(x.Chosen?.Summary),
            }));
        }

        output.Paragraph(sa.MessagesNotListed > 0
            ? string.Create(CultureInfo.InvariantCulture, $"**Messages** (the first and latest; {sa.MessagesNotListed} between them are not listed)")
            : "**Messages**");
        output.Table(["Frame", "Time", "Direction", "Message", "Message id", "Payloads", "Notes"], sa.Messages.Select(m => new[]
        {
            m.Frame.ToString(CultureInfo.InvariantCulture), ReportLabels.TimeOfDay(m.Time),
            m.FromInitiator ? "initiator → responder" : "responder → initiator",
            MarkdownText.Escape(ReportLabels.Message(m)), MessageId(m.MessageId),
            MarkdownText.Cell(string.Join(", ", m.Payloads)), MarkdownText.Cell(Notes(m)),
        }), MessageRows);
    }

    private static string MessageId(long id) => "0x" + id.ToString("x8", CultureInfo.InvariantCulture);

    private static string Notes(ReportIkeMessage message)
    {
        var notes = new List<string>();
        if (message.Retransmission)
        {
            notes.Add("retransmission");
        }

        if (message.Encrypted)
        {
            notes.Add(message.Decrypted ? "decrypted" : "encrypted");
        }

        if (message.Fragment is ReportIkeFragment fragment)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"IKE fragment {fragment.Index}{(fragment.Last ? " (last)" : string.Empty)}"));
        }

        if (message.IpFragments > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{message.IpFragments} IP fragments"));
        }

        if (message.NatTraversal)
        {
            notes.Add("UDP 4500");
        }

        notes.AddRange(message.Notifies.Select(n => "notify " + n));
        return string.Join("; ", notes);
    }

    private static string NatText(ReportNat nat)
    {
        var parts = new List<string>
        {
            "NAT-T support: initiator " + ReportLabels.YesNo(nat.InitiatorSupportsNatT) + ", responder " + ReportLabels.YesNo(nat.ResponderSupportsNatT),
        };
        if (nat.Version is not null)
        {
            parts.Add("version " + nat.Version);
        }

        if (nat.DiscoveryExchanged)
        {
            parts.Add("NAT-D: initiator behind NAT " + ReportLabels.YesNo(nat.InitiatorBehindNat) + ", responder behind NAT " + ReportLabels.YesNo(nat.ResponderBehindNat)
                + (nat.HashesVerified ? string.Empty : " (hashes not verified)"));
        }

        if (nat.FloatedToPort4500)
        {
            parts.Add("moved to UDP 4500" + (nat.FirstNatTFrame is long frame ? " at frame " + frame.ToString(CultureInfo.InvariantCulture) : string.Empty));
        }

        return string.Join("; ", parts);
    }
}

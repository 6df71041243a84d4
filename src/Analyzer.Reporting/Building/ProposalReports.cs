using Analyzer.Reporting.Document;
using Analyzer.Sessions.Ike;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The report's proposals of one IKE section build, one per distinct proposal: every SA of a large
/// capture offers the same few (867 proposals, 18 distinct on the 1 GB file), and a proposal's
/// report (summary, names, attributes) is a function of its values alone, so equal proposals share
/// one read-only <see cref="ReportProposal"/> (docs/performance.md, seventh session). One thread.
/// </summary>
internal sealed class ProposalReports
{
    private readonly Dictionary<IkeProposal, ReportProposal> _reports = new(SameValues.Instance);

    public ReportProposal Of(IkeProposal proposal)
    {
        if (!_reports.TryGetValue(proposal, out ReportProposal? report))
        {
            report = IkeSection.ToReport(proposal);
            _reports.Add(proposal, report);
        }

        return report;
    }

    /// <summary>Equal when every value the report reads is equal (the record's own equality compares its lists by reference).</summary>
    private sealed class SameValues : IEqualityComparer<IkeProposal>
    {
        public static readonly SameValues Instance = new();

        public bool Equals(IkeProposal? x, IkeProposal? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.ProposalNumber != y.ProposalNumber || x.TransformNumber != y.TransformNumber || x.Protocol != y.Protocol
                || x.V2 != y.V2 || x.KeyLength != y.KeyLength || x.LifetimeSeconds != y.LifetimeSeconds || x.EncapsulationModeId != y.EncapsulationModeId
                || x.Attributes.Count != y.Attributes.Count || x.Algorithms.Count != y.Algorithms.Count)
            {
                return false;
            }

            for (int i = 0; i < x.Algorithms.Count; i++)
            {
                if (x.Algorithms[i] != y.Algorithms[i])
                {
                    return false;
                }
            }

            for (int i = 0; i < x.Attributes.Count; i++)
            {
                ProposalAttribute a = x.Attributes[i];
                ProposalAttribute b = y.Attributes[i];
                if (a.Type != b.Type || a.Value != b.Value || a.KeyLength != b.KeyLength
                    || (a.Raw is null ? b.Raw is not null : b.Raw is null || !a.Raw.AsSpan().SequenceEqual(b.Raw)))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IkeProposal proposal)
        {
            var hash = default(HashCode);
            hash.Add(proposal.ProposalNumber);
            hash.Add(proposal.TransformNumber);
            hash.Add(proposal.Protocol);
            hash.Add(proposal.V2);
            hash.Add(proposal.KeyLength);
            hash.Add(proposal.LifetimeSeconds);
            hash.Add(proposal.Attributes.Count);
            for (int i = 0; i < proposal.Algorithms.Count; i++)
            {
                hash.Add(proposal.Algorithms[i]);
            }

            return hash.ToHashCode();
        }
    }
}

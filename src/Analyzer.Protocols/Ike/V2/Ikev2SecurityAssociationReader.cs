using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Protocols.Ike.V2;

/// <summary>
/// IKEv2 SA payload (RFC 7296 §3.3): proposal substructures holding transform substructures with
/// type, ID and attributes. The body has no DOI or situation; the walk is shared with IKEv1.
/// </summary>
public static class Ikev2SecurityAssociationReader
{
    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, List<SaProposal> into, out ParseError error) =>
        SecurityAssociationReader.TryReadProposals(body, baseOffset, true, into, out error);
}

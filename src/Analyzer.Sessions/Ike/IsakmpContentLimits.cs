using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Sessions.Ike;

/// <summary>Turns the bounds a decoded payload chain ran into into the capture's once-only warnings.</summary>
internal static class IsakmpContentLimits
{
    /// <summary>
    /// Identities cut at the string limit, and payloads the parser stopped at one of its per-message
    /// bounds (<see cref="SecurityAssociationReader.MaxProposals"/>,
    /// <see cref="AttributeReader.MaxAttributes"/>): each kind warned once per capture.
    /// The SA keeps its per-message anomaly either way.
    /// </summary>
    public static void Note(LimitNotices notices, IsakmpContent content, FrameRef frame)
    {
        foreach (IdentificationPayload id in content.Identities)
        {
            if (id.ValueCut)
            {
                notices.TextCut("an IKE identity", frame);
            }
        }

        foreach (ParseError error in content.Errors)
        {
            if (error.Kind == ParseErrorKind.LimitReached)
            {
                // The detail names the bound ("more than 64 proposals"), so each bound is its own kind.
                notices.Reached(error.Detail, frame, error, static e => string.Create(CultureInfo.InvariantCulture,
                    $"an IKE SA payload has {e.Detail} (offset 0x{e.Offset:X} in the message) and was read only up to there; later payloads past this bound in this capture are not reported"));
            }
        }
    }
}

using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Reads <see cref="IkeSa.V2"/> and the IKE_AUTH exchanges into <see cref="Ikev2Facts"/>.</summary>
internal static class Ikev2FactsBuilder
{
    public static Ikev2Facts Build(IkeSa sa)
    {
        Ikev2Authentication v2 = sa.V2;
        if (sa.Version != 2 || (v2.AuthPayloads.Count == 0 && v2.Eap.Count == 0 && v2.Configurations.Count == 0 && v2.TrafficSelectors.Count == 0))
        {
            return Ikev2Facts.None;
        }

        IkeEapObservation? failure = v2.Eap.Find(e => e.IsFailure);
        bool success = v2.Eap.Exists(e => e.Code == 3);
        string identity = v2.Eap.Find(e => e is { FromInitiator: true, Type: 1, Text: not null })?.Text
            ?? v2.Eap.Find(e => e is { FromInitiator: true, Type: 26, MsChapV2OpCode: 2, Text: not null })?.Text ?? "";
        string failureText = failure?.Text ?? "";

        List<IkeNotifyObservation> refusals = sa.Exchanges.Where(e => e.Kind == IkeExchangeKind.IkeAuth && e.ChildSa?.RefusedBy is not null)
            .Select(e => e.ChildSa!.RefusedBy!).ToList();
        IkeNotifyObservation? addressNotify = refusals.Find(n => NotifyTypes.IsAddressAssignmentFailure(n.Type))
            ?? sa.Notifies.Find(n => !n.FromInitiator && NotifyTypes.IsAddressAssignmentFailure(n.Type));
        IkeNotifyObservation? childRefusal = refusals.Find(n => !NotifyTypes.IsAddressAssignmentFailure(n.Type));

        IkeConfigurationObservation? request = v2.Configurations.Find(c => c.FromInitiator && c.CfgType == 1 && c.AsksForAddress);
        IkeConfigurationObservation? reply = v2.Configurations.Find(c => !c.FromInitiator && c.AssignedAddress is not null);
        bool authCompletedWithoutAddress = request is not null && reply is null && addressNotify is null
            && v2.AuthPayloads.Exists(a => !a.FromInitiator) && sa.State is IkeSaState.Established or IkeSaState.Deleted && !EapUnfinished(v2);
        bool addressFailed = request is not null && (addressNotify is not null || authCompletedWithoutAddress);

        return new Ikev2Facts
        {
            AuthenticationSeen = true,
            AuthMethods = string.Join("; ", v2.AuthPayloads.GroupBy(a => a.FromInitiator)
                .Select(g => (g.Key ? "initiator: " : "responder: ") + string.Join(", ", g.Select(a => a.Method.Name).Distinct()))),
            EapIdentity = identity,
            EapOutcome = v2.Eap.Count == 0 ? "" : failure is not null ? "failure" : success ? "success" : "unfinished",
            EapFailed = failure is not null,
            EapConversation = string.Join(", ", v2.Eap.Select(e => e.Display)),
            EapFailureMessage = failureText,
            EapErrorCode = ErrorCode(failureText),
            EapFrames = v2.Eap.Select(e => e.Frame).Distinct().ToList(),
            AddressRequested = request is not null,
            AssignedAddress = reply?.AssignedAddress?.ToString() ?? "",
            AddressAssignmentFailed = addressFailed,
            AddressFailure = !addressFailed ? "" : (addressNotify is null ? "no configuration reply with an address" : NotifyTypes.Name(addressNotify.Type, addressNotify.V2)),
            AddressFrames = addressFailed
                ? [request!.Frame, .. addressNotify is null ? Array.Empty<FrameRef>() : [addressNotify.Frame]]
                : [],
            ChildRefusal = childRefusal is null ? "" : NotifyTypes.Name(childRefusal.Type, childRefusal.V2),
            ChildRefusalFrames = childRefusal is null ? [] : [childRefusal.Frame],
            ProposedSelectors = Selectors(v2, fromInitiator: true),
            AnsweredSelectors = Selectors(v2, fromInitiator: false),
        };
    }

    private static bool EapUnfinished(Ikev2Authentication v2) => v2.Eap.Count > 0 && !v2.Eap.Exists(e => e.Code is 3 or 4);

    private static string Selectors(Ikev2Authentication v2, bool fromInitiator)
    {
        IEnumerable<IkeTrafficSelectorObservation> sent = v2.TrafficSelectors.Where(t => t.FromInitiator == fromInitiator);
        return string.Join("; ", sent.GroupBy(t => t.InitiatorSelectors).Select(g =>
            (g.Key ? "TSi " : "TSr ") + string.Join(", ", g.SelectMany(t => t.Selectors).Distinct())));
    }

    /// <summary>"E=691 R=1 C=… V=3 M=…" (RFC 2759 §6): the decimal after "E=".</summary>
    private static string ErrorCode(string failure)
    {
        int at = failure.IndexOf("E=", StringComparison.Ordinal);
        if (at < 0)
        {
            return "";
        }

        int end = at + 2;
        while (end < failure.Length && char.IsAsciiDigit(failure[end]))
        {
            end++;
        }

        // RFC 2759 gives E= ten digits at most; a longer run is not an error number (and would not fit the rules' Int64.Parse).
        return end - at - 2 is > 0 and <= 10 ? failure[(at + 2)..end] : "";
    }
}

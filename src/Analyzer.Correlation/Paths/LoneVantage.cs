using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Where a ticket's only capture was taken, as far as its own IKE packets decide. A host sends with
/// an initial TTL (64 Linux/macOS, 128 Windows, 255 network gear) and every router on the way takes
/// one off: the capture that holds the IKE initiator's packets at an initial TTL and the responder's
/// below one was taken on the client (or its own segment); the reverse, on the server; both below,
/// somewhere in between. Anything else is said to be undecided, with what was seen. (A lone capture
/// keeps no packet ledger, so the TTLs come from its IKE messages.)
/// </summary>
internal static class LoneVantage
{
    public const string Unknown = "unknown";

    public static VantagePoint? Place(IReadOnlyList<CaptureModel> captures)
    {
        if (captures.Count != 1)
        {
            return null;
        }

        CaptureModel capture = captures[0];
        int input = capture.Input.Index;
        IkeSa? sa = capture.IkeSas.FirstOrDefault(s => s.Messages.Exists(m => m.HopLimit != 0));
        if (sa is null)
        {
            return capture.Statistics.Frames == 0 ? null : new VantagePoint(input, Unknown,
                "undecided: no IKE in it says which end is the client; the other end's capture or logs would decide");
        }

        double? up = Median(sa, fromInitiator: true);
        double? down = Median(sa, fromInitiator: false);
        string client = string.Create(CultureInfo.InvariantCulture, $"the client {sa.Initiator.Address}");
        string server = string.Create(CultureInfo.InvariantCulture, $"the server {sa.Responder.Address}");
        string seen = string.Create(CultureInfo.InvariantCulture, $"{client}'s IKE packets carry TTL {Ttl(up)} and {server}'s {Ttl(down)}");
        return (Initial(up), Initial(down)) switch
        {
            (true, false) => new VantagePoint(input, VantageOrdering.Client, (down is null
                ? string.Create(CultureInfo.InvariantCulture, $"client side: {client}'s IKE packets carry TTL {Ttl(up)}, as sent; none from {server} were seen")
                : $"client side: {seen} (the client's as sent, the server's after routers)")
                + "; the server side's evidence (its capture or logs) is missing"),
            (false, true) => new VantagePoint(input, VantageOrdering.Server, (up is null
                ? string.Create(CultureInfo.InvariantCulture, $"server side: {server}'s IKE packets carry TTL {Ttl(down)}, as sent; none from {client} were seen")
                : $"server side: {seen} (the server's as sent, the client's after routers)")
                + "; the client side's evidence (its capture or logs) is missing"),
            (false, false) when up is not null && down is not null => new VantagePoint(input, VantageOrdering.Between,
                $"between the peers: {seen}, both after routers; neither end's own capture or logs are here"),
            _ => new VantagePoint(input, Unknown, $"undecided: {seen}; the other end's capture or logs would decide"),
        };
    }

    private static double? Median(IkeSa sa, bool fromInitiator)
    {
        List<double> values = sa.Messages.Where(m => m.FromInitiator == fromInitiator && m.HopLimit != 0).Select(m => (double)m.HopLimit).ToList();
        return values.Count == 0 ? null : RobustStatistics.Median(values);
    }

    private static bool Initial(double? ttl) => ttl is 64 or 128 or 255;

    private static string Ttl(double? value) =>
        value is double v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "none (not seen)";
}

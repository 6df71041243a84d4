using System.Text.RegularExpressions;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Ties pluto's state serials to the IKE SA they belong to, so every line of one negotiation carries
/// the same IKE SA serial (data <c>ikeSa</c>) next to its own (<c>serial</c>). pluto numbers IKE SAs
/// (ISAKMP, IKEv2 parent) and IPsec SAs (Quick Mode, Child SA) from one counter; a line names its own
/// state only. A child is tied by what pluto says of it ("the ISAKMP SA #3", "using #1",
/// "{isakmp=#1/ipsec=#2}"), else to the newest IKE SA of the same connection instance when the
/// child's first line is a Quick Mode or Child SA line.
/// </summary>
internal sealed partial class PlutoSerials
{
    private readonly Dictionary<string, string> _ikeSaOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _newestIkeSa = new(StringComparer.Ordinal);

    [GeneratedRegex(@"(?:ISAKMP SA #|IKE SA #|using #|isakmp=#|parent #)(?<parent>[0-9]{1,12})", RegexOptions.CultureInvariant)]
    private static partial Regex ParentReference();

    [GeneratedRegex(@"Main Mode|Aggressive Mode|ISAKMP SA|IKE SA|IKE_SA_INIT|IKE_AUTH request|STATE_(?:MAIN|AGGR|PARENT|V2_PARENT|V2_IKE)|ESTABLISHED_IKE_SA", RegexOptions.CultureInvariant)]
    private static partial Regex IkeSaWording();

    [GeneratedRegex(@"Quick Mode|IPsec SA|Child SA|CHILD_SA|STATE_QUICK|STATE_V2_(?:CREATE|CHILD|IPSEC)|ESTABLISHED_CHILD_SA", RegexOptions.CultureInvariant)]
    private static partial Regex ChildWording();

    /// <summary>The IKE SA serial a line of <paramref name="serial"/> belongs to (the serial itself for an IKE SA), or null.</summary>
    public string? IkeSaOf(PlutoPrefix line)
    {
        if (line.Serial is not string serial)
        {
            return null;
        }

        if (_ikeSaOf.TryGetValue(serial, out string? known))
        {
            return known;
        }

        string instance = line.Connection + "[" + line.Instance + "]";
        string? ikeSa = null;
        if (ParentReference().Match(line.Message) is { Success: true } reference && reference.Groups["parent"].Value != serial)
        {
            ikeSa = reference.Groups["parent"].Value;
        }
        else if (ChildWording().IsMatch(line.Message) && !line.Message.Contains("Main Mode", StringComparison.Ordinal))
        {
            _newestIkeSa.TryGetValue(instance, out ikeSa);
        }
        else if (IkeSaWording().IsMatch(line.Message) || line.State is not null)
        {
            ikeSa = serial;
            _newestIkeSa[instance] = serial;
        }

        if (ikeSa is null)
        {
            return null; // not decided by this line; a later line of the state may tell
        }

        _ikeSaOf[serial] = ikeSa;
        return ikeSa;
    }
}

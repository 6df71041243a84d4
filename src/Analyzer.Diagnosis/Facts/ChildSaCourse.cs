using System.Globalization;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// The SA's child SA negotiations (Quick Mode, CREATE_CHILD_SA): how many completed, the modes and
/// traffic selectors proposed (readable only where decrypted), and whether they cover more than L2TP.
/// </summary>
internal sealed class ChildSaCourse
{
    private ChildSaCourse(List<IkeExchange> exchanges) => Exchanges = exchanges;

    public List<IkeExchange> Exchanges { get; }

    public int Completed => Exchanges.Count(e => e.State == ExchangeState.Completed);

    public IkeExchange? FirstCompleted => Exchanges.Find(e => e.State == ExchangeState.Completed);

    /// <summary>Encapsulation mode names offered or chosen, for the report line.</summary>
    public List<string> ModeNames { get; private init; } = [];

    /// <summary>A tunnel mode (clear or UDP-encapsulated) by its number, whatever it is called.</summary>
    public bool TunnelModeProposed { get; private init; }

    public List<string> Selectors { get; private init; } = [];

    /// <summary>A selector for anything but UDP port 1701 (L2TP).</summary>
    public bool SelectorsOtherThanL2tp { get; private init; }

    public static ChildSaCourse Of(IkeSa sa)
    {
        var exchanges = sa.Exchanges.Where(e => e.Kind is IkeExchangeKind.QuickMode or IkeExchangeKind.CreateChildSa).ToList();
        List<string> selectors = [];
        bool otherThanL2tp = false;
        foreach (IkeExchange exchange in exchanges)
        {
            foreach (IkeIdentity id in exchange.ChildSa?.TrafficSelectors ?? [])
            {
                selectors.Add(string.Create(CultureInfo.InvariantCulture, $"{id.Value} proto {id.Protocol} port {id.Port}"));
                otherThanL2tp |= id.Protocol != 17 || id.Port != VpnPorts.L2tp;
            }
        }

        return new ChildSaCourse(exchanges)
        {
            ModeNames = ModeNamesOf(exchanges),
            TunnelModeProposed = exchanges.Exists(e => e.ChildSa is { } child
                && child.Offered.Select(p => p.EncapsulationModeId).Append(child.Chosen?.EncapsulationModeId).Append(child.EncapsulationModeId)
                    .Any(mode => mode is int number && EncapsulationModes.IsTunnel(number))),
            Selectors = selectors,
            SelectorsOtherThanL2tp = otherThanL2tp,
        };
    }

    private static List<string> ModeNamesOf(List<IkeExchange> exchanges)
    {
        List<string> modes = [];
        foreach (IkeExchange exchange in exchanges)
        {
            if (exchange.ChildSa is not { } child)
            {
                continue;
            }

            IEnumerable<int?> candidates = child.Offered.Select(p => p.EncapsulationModeId)
                .Append(child.Chosen?.EncapsulationModeId).Append(child.EncapsulationModeId);
            foreach (int? id in candidates)
            {
                if (id is int number && Ikev1AttributeNames.EncapsulationModes.Name(number) is string mode && !modes.Contains(mode))
                {
                    modes.Add(mode);
                }
            }
        }

        return modes;
    }
}

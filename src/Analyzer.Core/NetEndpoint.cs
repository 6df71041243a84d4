using System.Globalization;

namespace Analyzer.Core;

/// <summary>An address and (for UDP/TCP) a port; port 0 where the protocol has none (ESP, GRE).</summary>
public readonly record struct NetEndpoint(NetAddress Address, ushort Port)
{
    public override string ToString() =>
        Port == 0 ? Address.ToString()
        : Address.IsV6 ? string.Create(CultureInfo.InvariantCulture, $"[{Address}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Address}:{Port}");
}

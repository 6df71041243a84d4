namespace Analyzer.Sessions.Ledger;

/// <summary>The protocol names reports and rules use ("udp500", "esp" ...): stable strings, part of the JSON contract.</summary>
public static class LedgerProtocolNames
{
    public const string Udp500 = "udp500";
    public const string Udp4500 = "udp4500";
    public const string Esp = "esp";
    public const string Udp1701 = "udp1701";
    public const string IpFragments = "ip-fragments";

    public static string Name(LedgerProtocol protocol) => protocol switch
    {
        LedgerProtocol.Udp500 => Udp500,
        LedgerProtocol.Udp4500 => Udp4500,
        LedgerProtocol.Esp => Esp,
        LedgerProtocol.Udp1701 => Udp1701,
        _ => IpFragments,
    };
}

namespace Analyzer.Sessions.Esp;

/// <summary>The names reports and rules use for <see cref="EspEncapsulation"/> ("esp", "udp", "ah").</summary>
public static class EspEncapsulationNames
{
    public static string Name(this EspEncapsulation encapsulation) => encapsulation switch
    {
        EspEncapsulation.Udp => "udp",
        EspEncapsulation.Ah => "ah",
        _ => "esp",
    };
}

namespace Analyzer.Sessions.Esp;

public enum EspEncapsulation : byte
{
    /// <summary>IP protocol 50.</summary>
    Esp,
    /// <summary>UDP-encapsulated on port 4500 (RFC 3948).</summary>
    Udp,
}

namespace Analyzer.Sessions.Esp;

public enum EspEncapsulation : byte
{
    /// <summary>IP protocol 50 (also when it follows an AH header).</summary>
    Esp,
    /// <summary>UDP-encapsulated on port 4500 (RFC 3948).</summary>
    Udp,
    /// <summary>Not ESP: an AH SA (IP protocol 51, RFC 4302), counted the same way.</summary>
    Ah,
}

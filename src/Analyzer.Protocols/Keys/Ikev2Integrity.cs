using System.Security.Cryptography;

namespace Analyzer.Protocols.Keys;

/// <summary>An IKEv2 integrity transform (RFC 7296 §3.3.2): the HMAC and how much of it the message carries.</summary>
public sealed record Ikev2Integrity(string WiresharkName, string Name, HashAlgorithmName? Hash, int KeyBytes, int IcvBytes)
{
    /// <summary>Wireshark's "ANY n-bits of Authentication [No Checking]": the ICV is skipped, not checked.</summary>
    public bool Checked => Hash is not null;
}

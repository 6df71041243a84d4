namespace Analyzer.Protocols.Ike.Registry;

/// <summary>What an ID payload's value is, by its type number: how reports treat it (an address is scrubbed as an address, a name gets a pseudonym of its kind).</summary>
public enum IdentityKind : byte
{
    /// <summary>LIST, FC_NAME, NULL, private use or unassigned: nothing says what the value is.</summary>
    Unknown,

    /// <summary>An IPv4/IPv6 address, subnet or range.</summary>
    Address,

    /// <summary>A user: IKEv1 USER_FQDN, IKEv2 RFC822_ADDR.</summary>
    User,

    /// <summary>A host name: FQDN.</summary>
    Host,

    KeyId,

    /// <summary>A certificate name: DER_ASN1_DN or DER_ASN1_GN.</summary>
    DirectoryName,
}

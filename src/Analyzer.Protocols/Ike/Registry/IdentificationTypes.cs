namespace Analyzer.Protocols.Ike.Registry;

/// <summary>ID payload types: IKEv1 RFC 2407 §4.6.2.1, IKEv2 RFC 7296 §3.5 (same numbers where both define one).</summary>
public static class IdentificationTypes
{
    public const byte Ipv4Address = 1;
    public const byte Fqdn = 2;
    public const byte UserFqdn = 3;
    public const byte Ipv4Subnet = 4;
    public const byte Ipv6Address = 5;
    public const byte Ipv6Subnet = 6;
    public const byte Ipv4Range = 7;
    public const byte Ipv6Range = 8;
    public const byte DerAsn1Dn = 9;
    public const byte DerAsn1Gn = 10;
    public const byte KeyId = 11;

    /// <summary>
    /// What a value of this ID type is. The numbers 1–11 mean the same in both versions, except that
    /// IKEv2 leaves 4 and 6–8 (subnets, ranges) unassigned: its traffic selectors replaced them.
    /// </summary>
    public static IdentityKind KindOf(byte type, bool v2) => type switch
    {
        Ipv4Address or Ipv6Address => IdentityKind.Address,
        Ipv4Subnet or Ipv6Subnet or Ipv4Range or Ipv6Range when !v2 => IdentityKind.Address,
        Fqdn => IdentityKind.Host,
        UserFqdn => IdentityKind.User,
        DerAsn1Dn or DerAsn1Gn => IdentityKind.DirectoryName,
        KeyId => IdentityKind.KeyId,
        _ => IdentityKind.Unknown,
    };

    /// <summary>The registry's name for an ID type: the numbers differ between IKEv1 and IKEv2 (3 is USER_FQDN and RFC822_ADDR).</summary>
    public static string Name(byte type, bool v2) => v2 ? V2.Name(type) : V1.Name(type);

    public static NameTable V1 { get; } = new(new Dictionary<int, string>
    {
        [1] = "IPV4_ADDR",
        [2] = "FQDN",
        [3] = "USER_FQDN",
        [4] = "IPV4_ADDR_SUBNET",
        [5] = "IPV6_ADDR",
        [6] = "IPV6_ADDR_SUBNET",
        [7] = "IPV4_ADDR_RANGE",
        [8] = "IPV6_ADDR_RANGE",
        [9] = "DER_ASN1_DN",
        [10] = "DER_ASN1_GN",
        [11] = "KEY_ID",
        [12] = "LIST",
    }, (249, 255, "Private use"));

    public static NameTable V2 { get; } = new(new Dictionary<int, string>
    {
        [1] = "IPV4_ADDR",
        [2] = "FQDN",
        [3] = "RFC822_ADDR",
        [5] = "IPV6_ADDR",
        [9] = "DER_ASN1_DN",
        [10] = "DER_ASN1_GN",
        [11] = "KEY_ID",
        [12] = "FC_NAME",
        [13] = "NULL",
    }, (201, 255, "Private use"));
}

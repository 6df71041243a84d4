namespace Analyzer.Protocols.Ike.Registry;

/// <summary>Names a <see cref="TransformValue"/> from its registry's table.</summary>
public static class TransformNames
{
    public static string Name(TransformValue value) => Table(value.Registry).Name(value.Id);

    public static NameTable Table(TransformRegistry registry) => registry switch
    {
        TransformRegistry.V1Encryption => Ikev1AttributeNames.Phase1Encryptions,
        TransformRegistry.V1Hash => Ikev1AttributeNames.Phase1Hashes,
        TransformRegistry.V1AuthenticationMethod => Ikev1AttributeNames.AuthenticationMethods,
        TransformRegistry.V1EspTransform => Ikev1TransformIds.Esp,
        TransformRegistry.V1AhTransform => Ikev1TransformIds.Ah,
        TransformRegistry.V1IpcompTransform => Ikev1TransformIds.IpComp,
        TransformRegistry.V1IsakmpTransform => Ikev1TransformIds.Isakmp,
        TransformRegistry.V1Phase2Authentication => Ikev1AttributeNames.Phase2AuthenticationAlgorithms,
        TransformRegistry.V2Encryption => Ikev2TransformNames.Encryptions,
        TransformRegistry.V2Prf => Ikev2TransformNames.Prfs,
        TransformRegistry.V2Integrity => Ikev2TransformNames.Integrities,
        TransformRegistry.DhGroup => DhGroups.Table,
        TransformRegistry.V2AuthenticationMethod => Ikev2AuthenticationMethods.Table,
        _ => throw new ArgumentOutOfRangeException(nameof(registry), registry, "no table for this registry"),
    };

    /// <summary>The registry of an IKEv1 transform ID, by the proposal's protocol (RFC 2407 §4.4.1).</summary>
    public static TransformRegistry? V1TransformRegistry(byte protocolId) => protocolId switch
    {
        ProtocolIds.Isakmp => TransformRegistry.V1IsakmpTransform,
        ProtocolIds.Ah => TransformRegistry.V1AhTransform,
        ProtocolIds.Esp => TransformRegistry.V1EspTransform,
        4 => TransformRegistry.V1IpcompTransform,
        _ => null,
    };
}

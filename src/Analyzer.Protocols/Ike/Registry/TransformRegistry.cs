namespace Analyzer.Protocols.Ike.Registry;

/// <summary>The registry a transform number belongs to: IKEv1 attribute values and transform IDs, IKEv2 transform IDs, DH groups (shared by both).</summary>
public enum TransformRegistry : byte
{
    /// <summary>IKEv1 Phase 1 attribute 1, Encryption Algorithm (RFC 2409 appendix A).</summary>
    V1Encryption,

    /// <summary>IKEv1 Phase 1 attribute 2, Hash Algorithm (RFC 2409 appendix A).</summary>
    V1Hash,

    /// <summary>IKEv1 Phase 1 attribute 3, Authentication Method (RFC 2409 appendix A, XAUTH and hybrid extensions).</summary>
    V1AuthenticationMethod,

    /// <summary>IKEv1 ESP transform ID (RFC 2407 §4.4.4); the numbers are the ones IKEv2's encryption registry took over.</summary>
    V1EspTransform,

    /// <summary>IKEv1 AH transform ID (RFC 2407 §4.4.3).</summary>
    V1AhTransform,

    /// <summary>IKEv1 IPCOMP transform ID (RFC 2407 §4.4.5).</summary>
    V1IpcompTransform,

    /// <summary>IKEv1 ISAKMP transform ID (KEY_IKE).</summary>
    V1IsakmpTransform,

    /// <summary>IKEv1 Phase 2 attribute 5, Authentication Algorithm (RFC 2407 §4.5).</summary>
    V1Phase2Authentication,

    /// <summary>IKEv2 transform type 1 (RFC 7296 §3.3.2).</summary>
    V2Encryption,

    /// <summary>IKEv2 transform type 2.</summary>
    V2Prf,

    /// <summary>IKEv2 transform type 3.</summary>
    V2Integrity,

    /// <summary>IKEv2 AUTH payload's Auth Method (RFC 7296 §3.8, <see cref="Ikev2AuthenticationMethods"/>).</summary>
    V2AuthenticationMethod,

    /// <summary>Diffie-Hellman group: IKEv1 attribute 4 and IKEv2 transform type 4 share the numbers.</summary>
    DhGroup,
}

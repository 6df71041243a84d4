using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// What an IKEv2 SA's encrypted exchanges said about authentication and configuration, known only
/// when they were decrypted: AUTH methods, the EAP conversation, configuration payloads (the
/// client's virtual address) and traffic selectors.
/// </summary>
public sealed class Ikev2Authentication
{
    public List<IkeAuthObservation> AuthPayloads { get; } = [];

    /// <summary>EAP packets in frame order (the EAP conversation inside IKE_AUTH, RFC 7296 §2.16).</summary>
    public List<IkeEapObservation> Eap { get; } = [];

    public List<IkeConfigurationObservation> Configurations { get; } = [];

    public List<IkeTrafficSelectorObservation> TrafficSelectors { get; } = [];
}

/// <summary>An AUTH payload: who sent it and its method (RFC 7296 §3.8), named from the IANA registry.</summary>
public sealed record IkeAuthObservation(FrameRef Frame, bool FromInitiator, TransformValue Method);

/// <summary>One EAP packet: code, type, MS-CHAPv2 op-code and its text (identity, user name or E=… message).</summary>
public sealed record IkeEapObservation(FrameRef Frame, bool FromInitiator, byte Code, byte? Type, byte? MsChapV2OpCode, string? Text)
{
    /// <summary>"EAP-Failure", "Request/MSCHAPv2 Failure", "Response/Identity"...</summary>
    public string Display => Code switch
    {
        3 => "EAP-Success",
        4 => "EAP-Failure",
        _ => (Code == 1 ? "Request/" : "Response/") + Type switch
        {
            1 => "Identity",
            26 => "MSCHAPv2" + MsChapV2OpCode switch { 1 => " Challenge", 2 => " Response", 3 => " Success", 4 => " Failure", 7 => " Change-Password", _ => "" },
            null => "?",
            byte other => "type " + other.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>EAP-Failure (RFC 3748 §4.2), or an MS-CHAPv2 Failure request (the server refusing the password).</summary>
    public bool IsFailure => Code == 4 || (Code == 1 && Type == 26 && MsChapV2OpCode == 4);
}

/// <summary>A Configuration payload: CFG_REQUEST or CFG_REPLY, and the address it asked for or assigned.</summary>
public sealed record IkeConfigurationObservation(FrameRef Frame, bool FromInitiator, byte CfgType, bool AsksForAddress, NetAddress? AssignedAddress);

/// <summary>A TSi or TSr payload of an IKE_AUTH or CREATE_CHILD_SA message, as text per selector.</summary>
public sealed record IkeTrafficSelectorObservation(FrameRef Frame, bool FromInitiator, bool InitiatorSelectors, IReadOnlyList<string> Selectors);

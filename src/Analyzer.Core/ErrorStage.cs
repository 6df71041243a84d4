namespace Analyzer.Core;

/// <summary>
/// The connection stage a Windows error code says failed (the stage column of
/// <see cref="WindowsErrors"/>), in connection order: the codes a RasClient or RemoteAccess event
/// carries place a failure the way a capture would, so those events alone make an attempt.
/// </summary>
public enum ErrorStage : byte
{
    /// <summary>The code places no stage (a local fault, a device, a general error).</summary>
    Unplaced,
    IkeReachability,
    Phase1Proposal,
    Phase1Auth,
    Phase2,
    L2tpTunnel,
    L2tpSession,
    PppLcp,
    PppAuth,
    /// <summary>The PPP network phase: IPCP, and CCP/MPPE (encryption) negotiated beside it.</summary>
    PppIpcp,
}

/// <summary>Which end the error code blames, whoever logs it: the client's credentials or certificate, the server's refusal, or a code that cannot tell.</summary>
public enum ErrorSide : byte
{
    Unknown,
    Client,
    Server,
}

namespace Analyzer.Protocols.L2tp;

/// <summary>Control message types (RFC 2661 §3.2, §6). 0 here also stands for a ZLB acknowledgement, which has no Message Type AVP.</summary>
public enum L2tpMessageType : ushort
{
    Zlb = 0,
    StartControlConnectionRequest = 1,
    StartControlConnectionReply = 2,
    StartControlConnectionConnected = 3,
    StopControlConnectionNotification = 4,
    Hello = 6,
    OutgoingCallRequest = 7,
    OutgoingCallReply = 8,
    OutgoingCallConnected = 9,
    IncomingCallRequest = 10,
    IncomingCallReply = 11,
    IncomingCallConnected = 12,
    CallDisconnectNotify = 14,
    WanErrorNotify = 15,
    SetLinkInfo = 16,
}

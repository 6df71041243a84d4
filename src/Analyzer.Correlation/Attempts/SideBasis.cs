namespace Analyzer.Correlation.Attempts;

/// <summary>Why the failing stage was put on its side: the reasoning across views, as a value rules and reports read.</summary>
public enum SideBasis : byte
{
    /// <summary>Nothing failed, or nothing decides.</summary>
    None,
    /// <summary>The server's answer rejects it (an error notify, or a log line of the server).</summary>
    ServerRejected,
    /// <summary>The server received the message (its capture or log shows it) and did not answer.</summary>
    ServerReceivedNoAnswer,
    /// <summary>The responder received message 5 and answered with a retransmission of message 4 or an encrypted Informational: it rejected the authentication.</summary>
    ServerRejectedAuthentication,
    /// <summary>Sent at the client side, absent at the server side while its capture ran: lost on the path.</summary>
    LostOnPath,
    /// <summary>The server answered, the answer never reached the client: lost on the path back.</summary>
    AnswerLostOnPath,
    /// <summary>Only the client's side of the exchange is in the inputs: blocked on the path or rejected by the server; a capture or log from the server decides.</summary>
    ClientViewOnly,
    /// <summary>
    /// The responder answered and heard nothing more, and no input shows whether the answer reached
    /// the client: lost on the way back, or the client received it and gave up; the client's capture
    /// or log decides.
    /// </summary>
    ResponderSpokeLast,
    /// <summary>The client did not continue after the server's answer (its capture shows the answer arrived).</summary>
    ClientStopped,
    /// <summary>The client rejected the server's answer (an error notify from the client, or its log).</summary>
    ClientRejected,
    /// <summary>The client's L2TP (LAC) cleared the call or tunnel (CDN/StopCCN it sent).</summary>
    ClientCleared,
    /// <summary>The server's L2TP (LNS) cleared the call or tunnel (CDN/StopCCN it sent).</summary>
    ServerCleared,
    /// <summary>A Windows error code that names the client's own lack (no certificate, no encryption this end needs) or its refusal of the server.</summary>
    WindowsErrorBlamesClient,
}

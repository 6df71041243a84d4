namespace Analyzer.Correlation.Attempts;

/// <summary>Where one IKE message of an attempt was seen, across the vantage points.</summary>
public enum MessageSighting : byte
{
    /// <summary>Only one capture holds this attempt: seen there, nothing to compare.</summary>
    OneCapture,
    /// <summary>Seen at the client and at the server.</summary>
    Both,
    /// <summary>Seen only by the client-side capture, which sent it while the server-side capture was running: lost in between.</summary>
    LostInBetween,
    /// <summary>Seen only by the client-side capture (the server-side capture cannot tell: not running then).</summary>
    ClientCapture,
    /// <summary>Seen only by the server-side capture.</summary>
    ServerCapture,
}

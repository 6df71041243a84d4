namespace Analyzer.Sessions.Ppp;

/// <summary>How PPP authentication ended, as the authenticator's Success or Failure packet said (PAP, CHAP, MS-CHAP, EAP).</summary>
public enum PppAuthenticationResult : byte
{
    Success,
    Failure,
}

namespace Analyzer.Correlation.Attempts;

/// <summary>Where the failing stage broke: at the client, at the server, on the path between them, or undecided.</summary>
public enum AttemptSide : byte
{
    Unknown,
    Client,
    Server,
    Path,
}

namespace Analyzer.Cli.Tests;

/// <summary>
/// Tests that run <c>dotnet publish</c>/<c>pack</c> on the CLI build the same Release outputs: they run
/// one after another, never in parallel with each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishCollection
{
    public const string Name = "dotnet publish";
}

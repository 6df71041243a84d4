namespace Analyzer.Correlation.Attempts;

/// <summary>How two attempts relate.</summary>
public enum AttemptRelationKind : byte
{
    /// <summary>The same client tried again (another IKE SA to the same server after this one failed).</summary>
    Retry,
    /// <summary>A new IKE SA between the same endpoints while this one was established: a rekey of one connection.</summary>
    Rekey,
    /// <summary>
    /// A second client behind the same public address authenticated as this one's SA ended (a Delete,
    /// or an Informational from the server to this client, and no ESP from it afterwards).
    /// </summary>
    DisplacedBy,
}

/// <summary>This attempt's relation to another one (by id).</summary>
public sealed record AttemptRelation(AttemptRelationKind Kind, string OtherId);

namespace Stepwise.Storage.Relational;

/// <summary>One step of a schema's history: its version and the statements that take the schema there.</summary>
/// <param name="Version">The schema version after this step (1, 2, ...).</param>
/// <param name="Description">What the step does.</param>
/// <param name="Statements">The DDL statements, run in one transaction.</param>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements)
{
    /// <summary>Data the step computes in code after <see cref="Statements"/>, in the same transaction.</summary>
    public MigrationBackfill Backfill { get; init; }

    /// <summary>Statements run after the backfill, in the same transaction (e.g. restoring a trigger it lifted).</summary>
    public IReadOnlyList<string> AfterBackfill { get; init; } = [];
}

/// <summary>What a migration computes in code, beyond its statements.</summary>
public enum MigrationBackfill
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>The hash chain of every review's existing history.</summary>
    HistoryChain,
}

namespace Stepwise.Storage.Relational;

/// <summary>One step of a schema's history: its version and the statements that take the schema there.</summary>
/// <param name="Version">The schema version after this step (1, 2, ...).</param>
/// <param name="Description">What the step does.</param>
/// <param name="Statements">The DDL statements, run in one transaction.</param>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements);

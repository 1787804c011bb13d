using Stepwise.Review.Storage;

namespace Stepwise.Workbench.Archive;

/// <summary>
/// A whole review as one document (the <c>stepwise-review</c> JSON format, docs/review-archive.md): every artefact
/// version, the history, sign-offs and data sources with their provenance (and, unless left out, their stored logs),
/// with who exported it and when.
/// </summary>
/// <param name="FormatVersion">The format's version (1).</param>
/// <param name="ExportedAt">When it was exported.</param>
/// <param name="ExportedBy">Who exported it.</param>
/// <param name="Producer">The Stepwise that wrote it.</param>
/// <param name="Snapshot">The review.</param>
public sealed record ReviewArchive(int FormatVersion, DateTimeOffset ExportedAt, string ExportedBy, string Producer, ReviewSnapshot Snapshot)
{
    /// <summary>The value of the document's <c>format</c> field.</summary>
    public const string Format = "stepwise-review";

    /// <summary>The format version this Stepwise writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Whether the stored logs are in the document.</summary>
    public bool HasData => Snapshot.Logs.Count > 0 || Snapshot.DataSources.All(d => d.Kind != Review.Data.DataSourceKind.EventLog);
}

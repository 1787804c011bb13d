using System.Globalization;
using Stepwise.Review.Artefacts;
using Stepwise.Review.History;

namespace Stepwise.Review.Storage;

/// <summary>
/// Someone else saved the artefact after this writer read it. Nothing was written: the writer's change is still in
/// its hands, and the message says what changed in between (which fields, by whom, when) so it can be merged.
/// </summary>
public sealed class ConcurrencyConflictException : InvalidOperationException
{
    /// <summary>Creates the exception from the history entries written since <paramref name="expectedVersion"/>.</summary>
    public ConcurrencyConflictException(ArtefactRef artefact, long expectedVersion, long currentVersion, IReadOnlyList<HistoryEntry> since)
        : this(artefact, expectedVersion, currentVersion, since, [])
    {
    }

    /// <summary>Creates the exception with the differences between the version read and the current one.</summary>
    public ConcurrencyConflictException(ArtefactRef artefact, long expectedVersion, long currentVersion, IReadOnlyList<HistoryEntry> since, IReadOnlyList<FieldChange> differences)
        : base(Describe(artefact, expectedVersion, currentVersion, since, differences))
    {
        ArgumentNullException.ThrowIfNull(since);
        ArgumentNullException.ThrowIfNull(differences);
        Artefact = artefact;
        ExpectedVersion = expectedVersion;
        CurrentVersion = currentVersion;
        Since = since;
        Differences = differences;
    }

    /// <summary>Field by field, how the current version differs from the version read (empty when not computed).</summary>
    public IReadOnlyList<FieldChange> Differences { get; }

    /// <summary>The artefact in conflict.</summary>
    public ArtefactRef Artefact { get; }

    /// <summary>The version the writer had read.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version now stored.</summary>
    public long CurrentVersion { get; }

    /// <summary>The changes made in between, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Since { get; }

    /// <summary>The fields changed in between.</summary>
    public IReadOnlyList<string> ChangedFields => [.. Since.SelectMany(h => h.Changes).Select(c => c.Path).Distinct(StringComparer.Ordinal)];

    private static string Describe(ArtefactRef artefact, long expected, long current, IReadOnlyList<HistoryEntry> since, IReadOnlyList<FieldChange> differences)
    {
        string what = expected == 0
            ? $"{artefact} already exists (version {current.ToString(CultureInfo.InvariantCulture)})"
            : $"{artefact} was changed after you read version {expected.ToString(CultureInfo.InvariantCulture)}; it is now version {current.ToString(CultureInfo.InvariantCulture)}";
        // One line per person, not per save: "Improvement lead 8 times, last at ...", not the same name eight times.
        var who = since.GroupBy(h => h.By, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? $"{g.Key} at {Instant(g.First().At)}" : $"{g.Key} {g.Count().ToString(CultureInfo.InvariantCulture)} times, last at {Instant(g.Max(h => h.At))}")
            .ToList();
        var fields = since.SelectMany(h => h.Changes).Select(c => c.Path).Distinct(StringComparer.Ordinal).ToList();
        string detail = who.Count == 0 ? string.Empty : $" (changed by {string.Join(", ", who)}";
        if (fields.Count > 0)
        {
            detail += $"; fields: {string.Join(", ", fields)}";
        }

        if (detail.Length > 0)
        {
            detail += ")";
        }

        string diff = differences.Count == 0
            ? string.Empty
            : " What changed: " + string.Join("; ", differences.Take(10).Select(d => $"{d.Path}: {Short(d.Before)} -> {Short(d.After)}")) + (differences.Count > 10 ? $"; and {differences.Count - 10} more" : string.Empty) + ".";
        return $"Conflict: {what}{detail}.{diff} Your change was not saved; reload, re-apply it and save again.";
    }

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Short(string? json)
    {
        if (json is null)
        {
            return "(none)";
        }

        return json.Length <= 80 ? json : json[..77] + "...";
    }
}

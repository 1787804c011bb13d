using System.Text.Json.Serialization;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>
/// A sample drawn for a quality review: from which population file (name and SHA-256), on which strata, how many,
/// with which allocation and seed (so the same draw can be made again), the units file written, and every check of
/// the sample or of the responses received against the population.
/// </summary>
public sealed record QualitySample : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.QualitySample;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Sample id"); }

    /// <summary>A name, unique in the review, e.g. "March passengers".</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "Sample name", 200); }

    /// <summary>The metric of the measurement plan it is drawn for, if any.</summary>
    public string? Metric { get => field; init => field = Guard.OptionalText(value, "Sample metric", 200); }

    /// <summary>The population file's name (without folders).</summary>
    public required string PopulationFile { get => field; init => field = Guard.Text(value, "Population file", 400); }

    /// <summary>The SHA-256 of the population file.</summary>
    public required ContentHash PopulationHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException("A sample must name the hash of its population file.") : value; }

    /// <summary>How the population file was read, as canonical JSON (id column, delimiter, whether it is an event log).</summary>
    public required string ReadOptions { get => field; init => field = Guard.Text(value, "Population read options", 8000); }

    /// <summary>Units in the population.</summary>
    public required int PopulationSize { get => field; init => field = value < 1 ? throw new ReviewRuleException("A population has at least one unit.") : value; }

    /// <summary>The attributes whose combinations are the strata (none for a simple random sample).</summary>
    public IReadOnlyList<string> Strata { get => field; init => field = Guard.Names(value, "Stratum attribute"); } = [];

    /// <summary>proportional, optimal or equal.</summary>
    public required string Allocation { get => field; init => field = Guard.Text(value, "Allocation", 40); }

    /// <summary>The numeric attribute whose spread drives optimal allocation.</summary>
    public string? SpreadBy { get => field; init => field = Guard.OptionalText(value, "Spread attribute", 200); }

    /// <summary>Units drawn.</summary>
    public required int Size { get => field; init => field = value < 1 ? throw new ReviewRuleException("A sample has at least one unit.") : value; }

    /// <summary>The seed: the same population, strata, size, allocation and seed draw the same units.</summary>
    public required long Seed { get; init; }

    /// <summary>Each stratum with its population, sample and design weight.</summary>
    public IReadOnlyList<SampleStratum> StrataDrawn { get => field; init => field = Guard.List(value, "Strata drawn"); } = [];

    /// <summary>Units that lack a stratum attribute and could not be drawn.</summary>
    public int UnitsWithoutStratum { get; init; }

    /// <summary>The units file written (name without folders), if one was.</summary>
    public string? UnitsFile { get => field; init => field = Guard.OptionalText(value, "Units file", 400); }

    /// <summary>The SHA-256 of the units file.</summary>
    public ContentHash? UnitsHash { get; init; }

    /// <summary>Whether unit ids in the units file are keyed pseudonyms.</summary>
    public bool Pseudonymised { get; init; }

    /// <summary>The units drawn, row by row as the units file holds them, so they can be downloaded again; null for a
    /// sample kept before the units were (and then not written, so its stored form and hash are unchanged).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SampleUnit>? Units { get; init; }

    /// <summary>When it was drawn.</summary>
    public required DateTimeOffset DrawnAt { get; init; }

    /// <summary>Checks of the sample, or of the responses received, against the population, oldest first.</summary>
    public IReadOnlyList<SampleCheck> Checks { get => field; init => field = Guard.List(value, "Sample checks"); } = [];
}

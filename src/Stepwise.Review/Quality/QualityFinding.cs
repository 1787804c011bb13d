using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Steps;

namespace Stepwise.Review.Quality;

/// <summary>A finding of a quality review: a gap against a target, a driver, a theme, a segment difference or a signal, with its evidence.</summary>
public sealed record QualityFinding : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.QualityFinding;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Finding id"); }

    /// <summary>What it is.</summary>
    public required FindingKind FindingKind { get => field; init => field = Guard.Defined(value, "Finding kind"); }

    /// <summary>What was found, in one sentence.</summary>
    public required string Summary { get => field; init => field = Guard.Text(value, "Finding summary", 2000); }

    /// <summary>The metric, feature or theme concerned, if any.</summary>
    public string? Subject { get => field; init => field = Guard.OptionalText(value, "Finding subject", 200); }

    /// <summary>The analysis it comes from, if any.</summary>
    public Guid? AnalysisId { get; init; }

    /// <summary>1 (most urgent) to 3.</summary>
    public int Priority { get => field; init => field = Guard.Range(value, 1, 3, "Finding priority"); } = 2;

    /// <summary>The evidence.</summary>
    public IReadOnlyList<Evidence> Evidence { get => field; init => field = Guard.List(value, "Evidence"); } = [];
}

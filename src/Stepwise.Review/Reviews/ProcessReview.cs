using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Reviews;

/// <summary>
/// A review of one customer-service process: what it is for, who owns it and which stage it has reached. The stage
/// only changes through <see cref="Workspaces.Workspace.MoveStage"/>, which applies <see cref="StageRules"/>.
/// </summary>
public sealed record ProcessReview : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Review;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Review id"); }

    /// <summary>A short title, e.g. "Complaint handling 2026".</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Review title", 200); }

    /// <summary>What the review is meant to achieve.</summary>
    public IReadOnlyList<string> Aims { get => field; init => field = Guard.Names(value, "Aim"); } = [];

    /// <summary>The person who owns the review (usually the improvement lead).</summary>
    public required string Owner { get => field; init => field = Guard.Text(value, "Review owner", 200); }

    /// <summary>The stage the review has reached.</summary>
    public Stage Stage { get => field; init => field = Guard.Defined(value, "Stage"); }

    /// <summary>When the review was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}

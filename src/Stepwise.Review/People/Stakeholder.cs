using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.People;

/// <summary>A person with a stake in a review: their group and their RACI role for it.</summary>
public sealed record Stakeholder : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Stakeholder;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Stakeholder id"); }

    /// <summary>The person's name as users know it.</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "Stakeholder name", 200); }

    /// <summary>Their job title or team, if given.</summary>
    public string? Position { get => field; init => field = Guard.OptionalText(value, "Stakeholder position", 200); }

    /// <summary>Their group.</summary>
    public required StakeholderGroup Group { get => field; init => field = Guard.Defined(value, "Stakeholder group"); }

    /// <summary>Their role for this review.</summary>
    public required RaciRole Role { get => field; init => field = Guard.Defined(value, "RACI role"); }

    /// <summary>
    /// The user account this stakeholder signs and answers as, bound by the review's owner; null when the person has
    /// no account (their decisions are then recorded on their behalf, and marked so).
    /// </summary>
    public Guid? UserId { get; init; }
}

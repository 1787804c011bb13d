using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Planning;

namespace Stepwise.Review.Quality;

/// <summary>
/// An action agreed in answer to findings, with an owner and a due date. It is signed off by the accountable
/// stakeholders when agreed; a later change (a new due date, progress) makes that sign-off stale.
/// </summary>
public sealed record AgreedAction : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.QualityAction;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Action id"); }

    /// <summary>The findings it answers (at least one).</summary>
    public required IReadOnlyList<Guid> FindingIds
    {
        get => field;
        init
        {
            var list = Guard.List(value, "Findings of the action");
            field = list.Count == 0 ? throw new ReviewRuleException("An agreed action answers at least one finding.") : [.. list.Distinct()];
        }
    }

    /// <summary>What will be done.</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Action title", 200); }

    /// <summary>Who does it.</summary>
    public required string Owner { get => field; init => field = Guard.Text(value, $"Owner of action '{Title}'", 200); }

    /// <summary>When it is due.</summary>
    public required DateOnly Due { get; init; }

    /// <summary>What success looks like, e.g. "wifi top-2-box share above 50% by the next survey".</summary>
    public string? Measure { get => field; init => field = Guard.OptionalText(value, $"Success measure of action '{Title}'", 400); }

    /// <summary>Progress.</summary>
    public PlanTaskStatus Status { get => field; init => field = Guard.Defined(value, "Action status"); }

    /// <summary>A note on progress.</summary>
    public string? Note { get => field; init => field = Guard.OptionalText(value, $"Note on action '{Title}'", 2000); }
}

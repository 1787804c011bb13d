using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Steps;

namespace Stepwise.Review.Decisions;

/// <summary>A recommendation: the options to take up and why, put to the accountable stakeholders for sign-off.</summary>
public sealed record Recommendation : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Recommendation;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Recommendation id"); }

    /// <summary>A short title.</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Recommendation title", 200); }

    /// <summary>The options recommended.</summary>
    public required IReadOnlyList<Guid> OptionIds
    {
        get => field;
        init
        {
            var list = Guard.List(value, "Recommended options");
            field = list.Count == 0 ? throw new ReviewRuleException("A recommendation must name at least one option.") : [.. list.Distinct()];
        }
    }

    /// <summary>Why: the evidence and evaluation behind it.</summary>
    public required string Rationale { get => field; init => field = Guard.Text(value, "Rationale"); }

    /// <summary>The evidence behind it: simulation results, assessments, answers, the decision matrix, each with the
    /// hash of its data where it comes from data.</summary>
    public IReadOnlyList<Evidence> Evidence { get => field; init => field = Guard.List(value, "Evidence"); } = [];

    /// <summary>Where it stands.</summary>
    public RecommendationStatus Status { get => field; init => field = Guard.Defined(value, "Recommendation status"); }
}

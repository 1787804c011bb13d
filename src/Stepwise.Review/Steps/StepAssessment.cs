using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Steps;

/// <summary>
/// An assessment of one step on one aspect (satisfaction, cost, compliance): the measures computed, a rating,
/// the evidence, and the hash of the data it was computed on, so it can be traced and re-checked.
/// </summary>
public sealed record StepAssessment : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.StepAssessment;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Assessment id"); }

    /// <summary>The step assessed.</summary>
    public required Guid StepId { get => field; init => field = Guard.Id(value, "Assessed step"); }

    /// <summary>What was assessed.</summary>
    public required AssessmentAspect Aspect { get => field; init => field = Guard.Defined(value, "Assessment aspect"); }

    /// <summary>A rating from 1 (poor) to 5 (good), or null when only measures are given.</summary>
    public int? Rating { get => field; init => field = value is { } v ? Guard.Range(v, 1, 5, "Assessment rating") : null; }

    /// <summary>Named measures, e.g. <c>mean_csat</c>, <c>cost_per_case</c>, <c>sla_breach_share</c>.</summary>
    public IReadOnlyDictionary<string, double> Measures
    {
        get => field;
        init
        {
            var copy = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, number) in value ?? new Dictionary<string, double>())
            {
                copy[Guard.Text(name, "Measure name", 200)] = Guard.Finite(number, $"Measure '{name}'");
            }

            field = copy;
        }
    } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The evidence.</summary>
    public IReadOnlyList<Evidence> Evidence { get => field; init => field = Guard.List(value, "Evidence"); } = [];

    /// <summary>The hash of the data source the measures were computed on.</summary>
    public required ContentHash DataHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException("An assessment must name the hash of the data it was made on.") : value; }

    /// <summary>Who made it.</summary>
    public required string AssessedBy { get => field; init => field = Guard.Text(value, "Assessed by", 200); }

    /// <summary>When.</summary>
    public required DateTimeOffset AssessedAt { get; init; }
}

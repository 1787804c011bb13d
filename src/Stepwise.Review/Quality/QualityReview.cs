using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>
/// A quality review of the service: the features that affect satisfaction, the measurement plan, results, findings
/// and the actions agreed on them. It is its own workspace entry (not part of a process review).
/// </summary>
public sealed record QualityReview : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.QualityReview;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Quality review id"); }

    /// <summary>A short title.</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Quality review title", 200); }

    /// <summary>Who owns it.</summary>
    public required string Owner { get => field; init => field = Guard.Text(value, "Quality review owner", 200); }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Features of the service that affect satisfaction.</summary>
    public IReadOnlyList<ServiceFeature> Features { get => field; init => field = Guard.List(value, "Features"); } = [];

    /// <summary>The measurement plan.</summary>
    public IReadOnlyList<PlannedMeasure> MeasurementPlan { get => field; init => field = Guard.List(value, "Measurement plan"); } = [];

    /// <summary>Results measured.</summary>
    public IReadOnlyList<QualityResult> Results { get => field; init => field = Guard.List(value, "Results"); } = [];

    /// <summary>Findings.</summary>
    public IReadOnlyList<Finding> Findings { get => field; init => field = Guard.List(value, "Findings"); } = [];

    /// <summary>Actions agreed.</summary>
    public IReadOnlyList<AgreedAction> Actions { get => field; init => field = Guard.List(value, "Actions"); } = [];

    /// <summary>Checks the rules that involve several fields.</summary>
    /// <exception cref="ReviewRuleException">A metric is planned twice, a result names an unplanned metric, finding
    /// or action ids repeat, or an action answers an unknown finding.</exception>
    public QualityReview Checked()
    {
        var metrics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in MeasurementPlan)
        {
            if (!metrics.Add(measure.Metric))
            {
                throw new ReviewRuleException($"Metric '{measure.Metric}' is in the measurement plan twice.");
            }
        }

        foreach (var result in Results)
        {
            if (!metrics.Contains(result.Metric))
            {
                throw new ReviewRuleException($"A result is recorded for metric '{result.Metric}', which is not in the measurement plan.");
            }
        }

        Guard.Unique(Findings, f => f.Id, "Finding");
        Guard.Unique(Actions, a => a.Id, "Action");
        var findings = Findings.Select(f => f.Id).ToHashSet();
        foreach (var action in Actions)
        {
            if (!findings.Contains(action.FindingId))
            {
                throw new ReviewRuleException($"Action '{action.Title}' answers finding {action.FindingId}, which is not in this review.");
            }
        }

        return this;
    }

    /// <summary>The planned metrics whose latest result misses the target, with that result.</summary>
    public IReadOnlyList<(PlannedMeasure Measure, QualityResult Latest)> Gaps()
    {
        var gaps = new List<(PlannedMeasure, QualityResult)>();
        foreach (var measure in MeasurementPlan)
        {
            var latest = Results.Where(r => string.Equals(r.Metric, measure.Metric, StringComparison.Ordinal)).MaxBy(r => r.At);
            if (latest is not null && (measure.HigherIsBetter ? latest.Value < measure.Target : latest.Value > measure.Target))
            {
                gaps.Add((measure, latest));
            }
        }

        return gaps;
    }
}

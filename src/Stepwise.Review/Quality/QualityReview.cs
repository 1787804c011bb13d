using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>
/// A quality review of the service and its measurement plan: the features of the service that affect satisfaction,
/// how each is measured (metric, method, target, frequency, owner), and every revision of the plan with its reason.
/// It is its own workspace entry; its samples, analyses, findings, agreed actions and briefings are artefacts of their
/// own in the same entry. Its id is the review's id, and it is what a stakeholder signs when the plan is agreed.
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

    /// <summary>Revisions of the plan, oldest first, each with its reason and the values it changed.</summary>
    public IReadOnlyList<PlanRevision> Revisions { get => field; init => field = Guard.List(value, "Plan revisions"); } = [];

    /// <summary>The planned measure named <paramref name="metric"/> (without regard to case), or null.</summary>
    public PlannedMeasure? Measure(string metric)
        => MeasurementPlan.FirstOrDefault(m => string.Equals(m.Metric, metric.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The feature named <paramref name="name"/> (without regard to case), or null.</summary>
    public ServiceFeature? Feature(string name)
        => Features.FirstOrDefault(f => string.Equals(f.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks the rules that involve several fields.</summary>
    /// <exception cref="ReviewRuleException">A feature or metric is listed twice, a measure names a feature that is not
    /// listed, or a revision names a metric that was never planned.</exception>
    public QualityReview Checked()
    {
        var features = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feature in Features)
        {
            if (!features.Add(feature.Name))
            {
                throw new ReviewRuleException($"Feature '{feature.Name}' is listed twice.");
            }
        }

        var metrics = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var measure in MeasurementPlan)
        {
            if (!metrics.Add(measure.Metric))
            {
                throw new ReviewRuleException($"Metric '{measure.Metric}' is in the measurement plan twice.");
            }

            if (measure.Feature is { } f && !features.Contains(f))
            {
                throw new ReviewRuleException($"Metric '{measure.Metric}' measures feature '{f}', which is not one of the review's features ({(Features.Count == 0 ? "none yet" : string.Join(", ", Features.Select(x => x.Name)))}).");
            }
        }

        foreach (var revision in Revisions)
        {
            if (!metrics.Contains(revision.Metric) && !revision.Changes.Any(c => c.Field == "metric" && string.Equals(c.Before, revision.Metric, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ReviewRuleException($"A revision names metric '{revision.Metric}', which is not in the measurement plan.");
            }
        }

        return this;
    }
}

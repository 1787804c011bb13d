using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Quality;
using Stepwise.Review.Reviews;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// The stages of a quality review (BS 8477 / B14): the features of service that affect satisfaction and the
/// measurement plan; revisions of the plan when a method is not working; samples drawn and checked against the
/// population; feedback imported with its provenance and analysed against targets, with drivers and themes; findings;
/// agreed actions with owners and due dates; and which audiences received which results, when and how. Every change
/// is a versioned artefact with history; the plan and agreed actions can be signed off.
/// </summary>
public sealed partial class QualityUseCases
{
    private readonly Workbench _bench;

    internal QualityUseCases(Workbench bench) => _bench = bench;

    /// <summary>The quality review itself: its features, measurement plan and revisions.</summary>
    public Versioned<QualityReview> Plan(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        return _bench.Workspace.Get<QualityReview>(reviewId, reviewId);
    }

    /// <summary>Adds a feature of the service, or changes the one with that name.</summary>
    public Versioned<QualityReview> SaveFeature(Actor actor, Guid reviewId, FeatureRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = Editable(actor, reviewId, expectedVersion);
        request.Validate().ThrowIfAny();
        var feature = new ServiceFeature(request.Name.Trim(), request.Description?.Trim(), request.Why?.Trim());
        var features = current.Value.Features.ToList();
        int at = features.FindIndex(f => string.Equals(f.Name, feature.Name, StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
        {
            features[at] = feature;
        }
        else
        {
            features.Add(feature);
        }

        return Save(actor, reviewId, current.Value with { Features = features }, expectedVersion ?? current.Version);
    }

    /// <summary>
    /// Adds a line to the measurement plan, or changes the one with that metric name. A change to a measure that has
    /// results is better made with <see cref="ReviseMeasure"/>, which keeps the reason.
    /// </summary>
    public Versioned<QualityReview> SaveMeasure(Actor actor, Guid reviewId, MeasureRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = Editable(actor, reviewId, expectedVersion);
        request.Validate().ThrowIfAny();
        string? feature = null;
        if (request.Feature is { } named)
        {
            feature = current.Value.Feature(named)?.Name
                ?? throw StepwiseException.Invalid("feature", $"'{named}' is not a feature of this review" + (current.Value.Features.Count == 0 ? "; add it first." : $"; its features are {string.Join(", ", current.Value.Features.Select(f => f.Name))}."));
        }

        var (target, higher) = request.ParsedTarget();
        var measure = new PlannedMeasure
        {
            Metric = request.Metric.Trim(),
            Feature = feature,
            Statistic = request.StatisticName,
            Column = request.Column?.Trim(),
            Method = request.MethodName,
            Source = request.Source?.Trim(),
            SampleDesign = request.SampleDesign?.Trim(),
            Frequency = request.FrequencyName,
            Target = target,
            HigherIsBetter = higher,
            Owner = request.Owner?.Trim(),
        };
        var plan = current.Value.MeasurementPlan.ToList();
        int at = plan.FindIndex(m => string.Equals(m.Metric, measure.Metric, StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
        {
            plan[at] = measure;
        }
        else
        {
            plan.Add(measure);
        }

        return Save(actor, reviewId, current.Value with { MeasurementPlan = plan }, expectedVersion ?? current.Version);
    }

    /// <summary>
    /// Revises a line of the measurement plan because its method is not working (a low response rate, an
    /// unrepresentative sample): the new values replace the old, and a revision records the reason, what was seen, the
    /// sample that showed it, and each field's value before and after.
    /// </summary>
    public Versioned<QualityReview> ReviseMeasure(Actor actor, Guid reviewId, RevisionRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = Editable(actor, reviewId, expectedVersion);
        var reason = request.Parse();
        var old = current.Value.Measure(request.Metric)
            ?? throw StepwiseException.Invalid("metric", $"'{request.Metric}' is not in the measurement plan" + (current.Value.MeasurementPlan.Count == 0 ? "; it has no measures yet." : $"; its metrics are {string.Join(", ", current.Value.MeasurementPlan.Select(m => m.Metric))}."));
        Guid? sampleId = request.Sample is { } s ? FindSample(reviewId, s, "sample").Value.Id : null;
        var changed = new MeasureRequest
        {
            Metric = old.Metric,
            Feature = old.Feature,
            Statistic = old.Statistic,
            Column = old.Column,
            Method = request.Method ?? old.Method,
            Source = request.Source ?? old.Source,
            SampleDesign = request.SampleDesign ?? old.SampleDesign,
            Frequency = request.Frequency ?? old.Frequency,
            Target = request.Target ?? TargetText(old),
            Owner = request.Owner ?? old.Owner,
        };
        changed.Validate().ThrowIfAny();
        var (target, higher) = changed.ParsedTarget();
        var revised = old with
        {
            Method = changed.MethodName,
            Source = changed.Source?.Trim(),
            SampleDesign = changed.SampleDesign?.Trim(),
            Frequency = changed.FrequencyName,
            Target = target,
            HigherIsBetter = higher,
            Owner = changed.Owner?.Trim(),
        };
        var fields = new List<RevisedField>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                fields.Add(new RevisedField(field, before, after));
            }
        }

        Compare("method", old.Method, revised.Method);
        Compare("source", old.Source, revised.Source);
        Compare("sample_design", old.SampleDesign, revised.SampleDesign);
        Compare("frequency", old.Frequency, revised.Frequency);
        Compare("target", TargetText(old), TargetText(revised));
        Compare("owner", old.Owner, revised.Owner);
        if (fields.Count == 0)
        {
            throw StepwiseException.Invalid("method", $"the values given are those '{old.Metric}' already has; a revision must change something.");
        }

        var revision = new PlanRevision
        {
            At = _bench.Now,
            By = actor.DisplayName,
            Metric = old.Metric,
            Reason = reason,
            Explanation = request.Explanation.Trim(),
            SampleId = sampleId,
            Changes = fields,
        };
        var plan = current.Value.MeasurementPlan.Select(m => ReferenceEquals(m, old) ? revised : m).ToList();
        return Save(actor, reviewId, current.Value with { MeasurementPlan = plan, Revisions = [.. current.Value.Revisions, revision] }, expectedVersion ?? current.Version);
    }

    /// <summary>A target as users write it, e.g. <c>&gt;=0.8</c>.</summary>
    public static string TargetText(PlannedMeasure measure)
        => (measure.HigherIsBetter ? ">=" : "<=") + measure.Target.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    internal void RequireQuality(Guid reviewId)
    {
        if (_bench.Store.FindReview(reviewId)?.Type != ReviewType.Quality)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"Review {reviewId} is a process review; this applies to quality reviews (create one with --quality).");
        }
    }

    private Versioned<QualityReview> Editable(Actor actor, Guid reviewId, long? expectedVersion)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        RequireQuality(reviewId);
        var current = _bench.Workspace.Get<QualityReview>(reviewId, reviewId);
        return expectedVersion is { } v && v != current.Version ? _bench.Workspace.FindVersion<QualityReview>(reviewId, reviewId, v) ?? current : current;
    }

    private Versioned<QualityReview> Save(Actor actor, Guid reviewId, QualityReview review, long expectedVersion)
        => _bench.Workspace.Save(reviewId, review, expectedVersion, actor.DisplayName);
}

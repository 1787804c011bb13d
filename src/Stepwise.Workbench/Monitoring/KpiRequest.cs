using System.Globalization;
using Stepwise.Review.Monitoring;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Monitoring;

/// <summary>
/// A KPI of the monitoring plan: what it measures (a metric Stepwise computes from the review's data, or a definition
/// in words for values entered), which way is better, its target, how often it is measured, who reports it, and its
/// baseline (a value with its source, or computed from the review's data over a period before the change). A KPI with
/// the same name is changed.
/// </summary>
public sealed record KpiRequest
{
    /// <summary>The KPI's name, e.g. "Median resolution time".</summary>
    public required string Name { get; init; }

    /// <summary>A metric Stepwise computes (see <see cref="KpiMetrics.All"/>), e.g. <c>throughput_median_hours</c>.</summary>
    public string? Metric { get; init; }

    /// <summary>How it is computed, in words (the metric's definition when empty).</summary>
    public string? Definition { get; init; }

    /// <summary>Its unit (the metric's when empty).</summary>
    public string? Unit { get; init; }

    /// <summary>higher or lower (is better); the metric's when empty.</summary>
    public string? Direction { get; init; }

    /// <summary>The value to reach.</summary>
    public double? Target { get; init; }

    /// <summary>daily, weekly, monthly (default), quarterly or yearly.</summary>
    public string? Frequency { get; init; }

    /// <summary>Who reports it (a stakeholder's name).</summary>
    public string? Owner { get; init; }

    /// <summary>The baseline value, when entered.</summary>
    public double? Baseline { get; init; }

    /// <summary>Where an entered baseline comes from.</summary>
    public string? BaselineSource { get; init; }

    /// <summary>Compute the baseline from this data source (with <see cref="BaselineFrom"/> and <see cref="BaselineTo"/>).</summary>
    public string? BaselineData { get; init; }

    /// <summary>The start of the baseline period (cases starting from then).</summary>
    public string? BaselineFrom { get; init; }

    /// <summary>The end of the baseline period (exclusive).</summary>
    public string? BaselineTo { get; init; }

    /// <summary>Checks every field; returns the direction and frequency.</summary>
    public (KpiDirection? Direction, KpiFrequency Frequency) Parse()
    {
        var v = new Validation().Text("name", Name, 200).Text("definition", Definition, 4000, required: false).Text("unit", Unit, 50, required: false)
            .Text("owner", Owner, 200, required: false).Text("baseline_source", BaselineSource, 400, required: false).Text("baseline_data", BaselineData, 400, required: false);
        if (Metric is not null && !KpiMetrics.Exists(Metric.Trim()))
        {
            v.Add("metric", $"'{Metric}' is not a metric Stepwise computes; use one of {string.Join(", ", KpiMetrics.All.Select(m => m.Metric))}.");
        }

        if (Metric is null && (Definition is null || Unit is null))
        {
            v.Add(Definition is null ? "definition" : "unit", "is required for a KPI without a --metric (its values are entered): say how it is measured and in what unit.");
        }

        KpiDirection? direction = Direction?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "higher" or "higher-is-better" or "up" => KpiDirection.HigherIsBetter,
            "lower" or "lower-is-better" or "down" => KpiDirection.LowerIsBetter,
            _ => null,
        };
        if (direction is null && !string.IsNullOrWhiteSpace(Direction))
        {
            v.Add("direction", $"'{Direction}' must be higher or lower (is better).");
        }

        if (direction is null && Metric is null)
        {
            v.Add("direction", "is required for a KPI without a --metric: higher or lower (is better).");
        }

        var frequency = v.Enum<KpiFrequency>("frequency", Frequency) ?? KpiFrequency.Monthly;
        var from = v.Instant("baseline_from", BaselineFrom);
        var to = v.Instant("baseline_to", BaselineTo);
        if (from is { } f && to is { } t && t <= f)
        {
            v.Add("baseline_to", $"must be after --baseline-from ({BaselineFrom}).");
        }

        if (Baseline is not null && (BaselineData is not null || BaselineFrom is not null))
        {
            v.Add("baseline", "is either entered (with --baseline-source) or computed from data (--baseline-data, --baseline-from, --baseline-to), not both.");
        }

        if (Baseline is { } b && !double.IsFinite(b))
        {
            v.Add("baseline", "must be a number.");
        }

        if (Baseline is not null && BaselineSource is null)
        {
            v.Add("baseline_source", "is required with --baseline: say where the value comes from.");
        }

        if ((BaselineFrom is not null || BaselineTo is not null) && Metric is null)
        {
            v.Add("metric", "is required to compute a baseline from data.");
        }

        if (Target is { } target && !double.IsFinite(target))
        {
            v.Add("target", string.Create(CultureInfo.InvariantCulture, $"must be a number (got {target})."));
        }

        v.ThrowIfAny();
        return (direction, frequency);
    }
}

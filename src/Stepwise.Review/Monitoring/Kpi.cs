using System.Text.Json.Serialization;
using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>
/// A KPI: its definition, which way is better, its baseline pinned to the data it was computed on, a target, how often
/// it is measured, and the measurements since. <see cref="Metric"/> names a definition Stepwise can compute from a
/// stored event log; without one the values are entered.
/// </summary>
public sealed record Kpi
{
    /// <summary>The KPI id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "KPI id"); }

    /// <summary>Its name, e.g. "Median resolution time".</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "KPI name", 200); }

    /// <summary>How it is computed, in words.</summary>
    public required string Definition { get => field; init => field = Guard.Text(value, $"Definition of KPI '{Name}'"); }

    /// <summary>Its unit, e.g. hours, percent, score.</summary>
    public required string Unit { get => field; init => field = Guard.Text(value, $"Unit of KPI '{Name}'", 50); }

    /// <summary>The computable definition, e.g. <c>throughput_median</c>, or null for values entered by hand.</summary>
    public string? Metric { get => field; init => field = Guard.OptionalText(value, $"Metric of KPI '{Name}'", 200); }

    /// <summary>How often it is measured.</summary>
    public KpiFrequency Frequency { get => field; init => field = Guard.Defined(value, $"Frequency of KPI '{Name}'"); } = KpiFrequency.Monthly;

    /// <summary>Who reports it.</summary>
    public string? Owner { get => field; init => field = Guard.OptionalText(value, $"Owner of KPI '{Name}'", 200); }

    /// <summary>Which way is better.</summary>
    public KpiDirection Direction { get => field; init => field = Guard.Defined(value, "KPI direction"); }

    /// <summary>The value before the change, or null until measured.</summary>
    public Measurement? Baseline { get; init; }

    /// <summary>The value to reach, or null until agreed.</summary>
    public double? Target { get => field; init => field = value is { } v ? Guard.Finite(v, $"Target of KPI '{Name}'") : null; }

    /// <summary>Measurements after the change, oldest first.</summary>
    public IReadOnlyList<Measurement> Measurements { get => field; init => field = Guard.List(value, "Measurements"); } = [];

    /// <summary>Whether the latest measurement meets the target (null when there is no target or no measurement).</summary>
    [JsonIgnore]
    public bool? MeetsTarget
    {
        get
        {
            if (Target is not { } target || Measurements.Count == 0)
            {
                return null;
            }

            double latest = Measurements.MaxBy(m => m.At)!.Value;
            return Direction == KpiDirection.HigherIsBetter ? latest >= target : latest <= target;
        }
    }

    /// <summary>The verdict on <paramref name="value"/>: against the target first, then the baseline.</summary>
    public MeasurementVerdict Judge(double value)
    {
        bool Better(double a, double b) => Direction == KpiDirection.HigherIsBetter ? a > b : a < b;
        if (Target is { } target && (value == target || Better(value, target)))
        {
            return MeasurementVerdict.TargetMet;
        }

        if (Baseline is { } baseline)
        {
            return Better(value, baseline.Value) ? MeasurementVerdict.Improved : MeasurementVerdict.NotImproved;
        }

        return Target is null ? MeasurementVerdict.NotJudged : MeasurementVerdict.NotImproved;
    }
}

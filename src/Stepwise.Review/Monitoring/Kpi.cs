using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>A KPI: its definition, its baseline pinned to the data it was computed on, a target and later measurements.</summary>
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

    /// <summary>Which way is better.</summary>
    public KpiDirection Direction { get => field; init => field = Guard.Defined(value, "KPI direction"); }

    /// <summary>The value before the change, or null until measured.</summary>
    public Measurement? Baseline { get; init; }

    /// <summary>The value to reach, or null until agreed.</summary>
    public double? Target { get => field; init => field = value is { } v ? Guard.Finite(v, $"Target of KPI '{Name}'") : null; }

    /// <summary>Measurements after the change, oldest first.</summary>
    public IReadOnlyList<Measurement> Measurements { get => field; init => field = Guard.List(value, "Measurements"); } = [];

    /// <summary>Whether the latest measurement meets the target (null when there is no target or no measurement).</summary>
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
}

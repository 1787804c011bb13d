using System.Globalization;

namespace Stepwise.Statistics.Targets;

/// <summary>A standard set for a metric, e.g. CSAT at least 80 % or response time at most 4 hours.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Direction">Floor or ceiling.</param>
/// <param name="Value">The target, in the metric's units (shares as 0..1, NPS in points).</param>
/// <param name="Column">The score, outcome or measure it applies to; <see langword="null"/> for the overall score
/// (or the outcome, for shares when there is no overall score).</param>
public sealed record Target(QualityMetric Metric, TargetDirection Direction, double Value, string? Column = null)
{
    /// <summary>Whether <paramref name="value"/> meets the target.</summary>
    public bool IsMetBy(double value) => Direction == TargetDirection.AtLeast ? value >= Value : value <= Value;

    /// <summary>Shown as e.g. <c>csat &gt;= 0.8</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{TargetSpec.NameOf(Metric)}{(Column is null ? string.Empty : ":" + Column)} {(Direction == TargetDirection.AtLeast ? ">=" : "<=")} {Value}");
}

namespace Stepwise.Simulation.Statistics;

/// <summary>A KPI measured in one replication.</summary>
/// <param name="Key">A stable key, e.g. <c>throughput_median</c> or <c>utilisation:Agents</c>.</param>
/// <param name="Label">The KPI in words.</param>
/// <param name="Unit">What the number is.</param>
/// <param name="Value">The value (NaN when the replication had nothing to measure).</param>
public readonly record struct KpiValue(string Key, string Label, KpiUnit Unit, double Value);

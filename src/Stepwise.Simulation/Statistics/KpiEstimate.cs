namespace Stepwise.Simulation.Statistics;

/// <summary>A KPI over all replications of a run.</summary>
/// <param name="Key">The KPI's key.</param>
/// <param name="Label">The KPI in words.</param>
/// <param name="Unit">What the number is.</param>
/// <param name="Estimate">Mean and 95% confidence interval.</param>
/// <param name="Values">Each replication's value, by replication index.</param>
public sealed record KpiEstimate(string Key, string Label, KpiUnit Unit, Estimate Estimate, IReadOnlyList<double> Values);

namespace Stepwise.Simulation.Validation;

/// <summary>How well a simulated model reproduces the data it was discovered from.</summary>
/// <param name="Metrics">Every measure compared.</param>
/// <param name="ThroughputKs">The Kolmogorov-Smirnov distance between the observed and simulated throughput-time
/// distributions (0 = identical, 1 = disjoint).</param>
/// <param name="Replications">Replications simulated.</param>
/// <param name="Notes">What could not be compared and why.</param>
public sealed record ValidationReport(IReadOnlyList<ValidationMetric> Metrics, double ThroughputKs, int Replications, IReadOnlyList<string> Notes)
{
    /// <summary>Whether every measure with a target is within it.</summary>
    public bool AllWithinTolerance => Metrics.All(m => m.WithinTolerance != false);

    /// <summary>The metric named <paramref name="name"/> in <paramref name="group"/>, or null.</summary>
    public ValidationMetric? Find(string group, string name) => Metrics.FirstOrDefault(m => m.Group == group && m.Name == name);
}

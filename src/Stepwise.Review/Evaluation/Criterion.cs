using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>A criterion of the decision matrix and its weight (any non-negative number; weights are normalised).</summary>
public sealed record Criterion
{
    /// <summary>Creates a criterion.</summary>
    public Criterion(string name, double weight)
    {
        Name = Guard.Text(name, "Criterion name", 200);
        Weight = Guard.NonNegative(weight, $"Weight of criterion '{Name}'");
    }

    /// <summary>The criterion, e.g. "customer effort".</summary>
    public string Name { get; }

    /// <summary>Its weight.</summary>
    public double Weight { get; }
}

using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>A criterion of the decision matrix and its weight (0 to 1; the weights of a matrix sum to 1).</summary>
public sealed record Criterion
{
    /// <summary>Creates a criterion.</summary>
    /// <exception cref="ReviewRuleException">The name is empty or the weight is not between 0 and 1.</exception>
    public Criterion(string name, double weight, string? description = null)
    {
        Name = Guard.Text(name, "Criterion name", 200);
        Weight = Guard.Finite(weight, $"Weight of criterion '{Name}'");
        if (Weight is < 0 or > 1)
        {
            throw new ReviewRuleException($"The weight of criterion '{Name}' must be between 0 and 1 (got {Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}); the weights of the matrix sum to 1.");
        }

        Description = Guard.OptionalText(description, $"Description of criterion '{Name}'");
    }

    /// <summary>The criterion, e.g. "customer effort".</summary>
    public string Name { get; }

    /// <summary>Its weight, 0 to 1.</summary>
    public double Weight { get; }

    /// <summary>What it means and how it is scored.</summary>
    public string? Description { get; }
}

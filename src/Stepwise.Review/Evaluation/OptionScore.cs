using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>The score (0 to 10) an option gets on one criterion.</summary>
public sealed record OptionScore
{
    /// <summary>Creates a score.</summary>
    public OptionScore(Guid optionId, string criterion, double score)
    {
        OptionId = Guard.Id(optionId, "Scored option");
        Criterion = Guard.Text(criterion, "Scored criterion", 200);
        Score = Guard.Finite(score, $"Score on '{Criterion}'");
        if (Score is < 0 or > 10)
        {
            throw new ReviewRuleException($"The score on '{Criterion}' must be between 0 and 10 (got {Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}).");
        }
    }

    /// <summary>The option scored.</summary>
    public Guid OptionId { get; }

    /// <summary>The criterion's name.</summary>
    public string Criterion { get; }

    /// <summary>The score, 0 (worst) to 10 (best).</summary>
    public double Score { get; }
}

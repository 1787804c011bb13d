using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>One cell of the decision matrix: the score (1 to 5) an option gets on a criterion, and why.</summary>
public sealed record OptionScore
{
    /// <summary>Creates a score.</summary>
    /// <exception cref="ReviewRuleException">The score is not 1 to 5, or there is no rationale.</exception>
    public OptionScore(Guid optionId, string criterion, int score, string rationale)
    {
        OptionId = Guard.Id(optionId, "Scored option");
        Criterion = Guard.Text(criterion, "Scored criterion", 200);
        Score = Guard.Range(score, 1, 5, $"Score on '{Criterion}'");
        Rationale = Guard.Text(rationale, $"Rationale of the score on '{Criterion}'");
    }

    /// <summary>The option scored.</summary>
    public Guid OptionId { get; }

    /// <summary>The criterion's name.</summary>
    public string Criterion { get; }

    /// <summary>The score, 1 (worst) to 5 (best).</summary>
    public int Score { get; }

    /// <summary>Why this score: the evidence or judgement behind it.</summary>
    public string Rationale { get; }
}

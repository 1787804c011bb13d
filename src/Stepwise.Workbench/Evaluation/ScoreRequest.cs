using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Evaluation;

/// <summary>One cell of the decision matrix: an option's score (1 to 5) on a criterion, and why.</summary>
public sealed record ScoreRequest
{
    /// <summary>The option (title or id).</summary>
    public required string Option { get; init; }

    /// <summary>The criterion's name.</summary>
    public required string Criterion { get; init; }

    /// <summary>1 (worst) to 5 (best).</summary>
    public required int Score { get; init; }

    /// <summary>Why this score.</summary>
    public required string Rationale { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate() => new Validation().Text("option", Option, 200).Text("criterion", Criterion, 200).Between("score", Score, 1, 5).Text("rationale", Rationale, 4000);
}

using Stepwise.Review.Evaluation;

namespace Stepwise.Workbench.Evaluation;

/// <summary>
/// The decision matrix as people read it: criteria and weights, every cell with its rationale, the options ranked by
/// weighted score, those not yet scored on every criterion, and whether the winner survives each weight moving ±20%.
/// </summary>
/// <param name="Criteria">The criteria and weights.</param>
/// <param name="Cells">Every score with the option's title.</param>
/// <param name="Ranking">The fully scored options, best first.</param>
/// <param name="Incomplete">Options scored on some criteria only.</param>
/// <param name="Sensitivity">Each weight moved ±20%, the others rescaled: the winner then.</param>
/// <param name="Version">The evaluation's version (its ETag), 0 when none is saved.</param>
public sealed record DecisionMatrix(IReadOnlyList<Criterion> Criteria, IReadOnlyList<MatrixCell> Cells, IReadOnlyList<RankedTitle> Ranking, IReadOnlyList<string> Incomplete, IReadOnlyList<SensitivityLine> Sensitivity, long Version)
{
    /// <summary>The best option, or null when fewer than one option is fully scored.</summary>
    public RankedTitle? Winner => Ranking.Count > 0 ? Ranking[0] : null;

    /// <summary>Whether the winner stays the winner in every sensitivity case (null when there is nothing to compare).</summary>
    public bool? WinnerIsRobust => Sensitivity.Count == 0 ? null : Sensitivity.All(s => !s.WinnerChanged);
}

/// <summary>One cell of the matrix.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="Option">Its title.</param>
/// <param name="Criterion">The criterion.</param>
/// <param name="Score">1 to 5.</param>
/// <param name="Rationale">Why.</param>
public sealed record MatrixCell(Guid OptionId, string Option, string Criterion, int Score, string Rationale);

/// <summary>An option's place in the ranking.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="Option">Its title.</param>
/// <param name="WeightedScore">The sum of weight times score (1 to 5).</param>
public sealed record RankedTitle(Guid OptionId, string Option, double WeightedScore);

/// <summary>One sensitivity case with the winner's title.</summary>
/// <param name="Criterion">The criterion whose weight moved.</param>
/// <param name="Factor">0.8 or 1.2.</param>
/// <param name="Weight">Its weight then.</param>
/// <param name="Winner">The winner's title then.</param>
/// <param name="WinnerScore">Its weighted score.</param>
/// <param name="WinnerChanged">Whether it differs from the agreed winner.</param>
public sealed record SensitivityLine(string Criterion, double Factor, double Weight, string Winner, double WinnerScore, bool WinnerChanged);

using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>
/// The evaluation of a review's improvement options: a weighted decision matrix, the cost-benefit case of each
/// option and the risks. A review has one evaluation (its id is the review's id).
/// </summary>
public sealed record OptionEvaluation : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Evaluation;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Evaluation id"); }

    /// <summary>The criteria and their weights.</summary>
    public IReadOnlyList<Criterion> Criteria { get => field; init => field = Guard.List(value, "Criteria"); } = [];

    /// <summary>Scores of options on criteria.</summary>
    public IReadOnlyList<OptionScore> Scores { get => field; init => field = Guard.List(value, "Scores"); } = [];

    /// <summary>The cost-benefit case of each option.</summary>
    public IReadOnlyList<CostBenefit> CostBenefits { get => field; init => field = Guard.List(value, "Cost-benefit cases"); } = [];

    /// <summary>The risks.</summary>
    public IReadOnlyList<Risk> Risks { get => field; init => field = Guard.List(value, "Risks"); } = [];

    /// <summary>Checks the rules that involve several fields.</summary>
    /// <exception cref="ReviewRuleException">Criteria repeat, weights do not add up to a positive total, a score
    /// names an unknown criterion or repeats, or an option has two cost-benefit cases.</exception>
    public OptionEvaluation Checked()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        double total = 0;
        foreach (var criterion in Criteria)
        {
            if (!names.Add(criterion.Name))
            {
                throw new ReviewRuleException($"Criterion '{criterion.Name}' is listed twice.");
            }

            total += criterion.Weight;
        }

        if (Criteria.Count > 0 && !(total > 0))
        {
            throw new ReviewRuleException("The criteria weights must add up to more than zero.");
        }

        var scored = new HashSet<(Guid, string)>();
        foreach (var score in Scores)
        {
            if (!names.Contains(score.Criterion))
            {
                throw new ReviewRuleException($"A score names criterion '{score.Criterion}', which is not one of the criteria.");
            }

            if (!scored.Add((score.OptionId, score.Criterion)))
            {
                throw new ReviewRuleException($"Option {score.OptionId} is scored twice on '{score.Criterion}'.");
            }
        }

        Guard.Unique(CostBenefits, c => c.OptionId, "Cost-benefit case of option");
        return this;
    }

    /// <summary>The weighted score of each option scored: the sum over criteria of normalised weight times score
    /// (0 to 10); a criterion an option is not scored on counts as 0. Sorted best first.</summary>
    public IReadOnlyList<(Guid OptionId, double WeightedScore)> Ranking()
    {
        Checked();
        double total = Criteria.Sum(c => c.Weight);
        var weights = Criteria.ToDictionary(c => c.Name, c => c.Weight / total, StringComparer.Ordinal);
        var sums = new Dictionary<Guid, double>();
        foreach (var score in Scores)
        {
            sums[score.OptionId] = sums.GetValueOrDefault(score.OptionId) + (weights[score.Criterion] * score.Score);
        }

        return [.. sums.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Value).ThenBy(p => p.Key)];
    }
}

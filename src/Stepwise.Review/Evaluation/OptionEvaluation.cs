using System.Globalization;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Evaluation;

/// <summary>
/// The evaluation of a review's improvement options: a weighted decision matrix (criteria with weights summing to 1,
/// a score of 1 to 5 with a rationale per cell), the cost-benefit case of each option and the risks. A review has one
/// evaluation (its id is the review's id).
/// </summary>
public sealed record OptionEvaluation : IArtefact
{
    /// <summary>How far the weights may be from summing to 1 (rounding of typed decimals).</summary>
    public const double WeightTolerance = 1e-6;

    /// <summary>The factors the sensitivity check applies to each weight in turn (±20%).</summary>
    public static readonly IReadOnlyList<double> SensitivityFactors = [0.8, 1.2];

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
    /// <exception cref="ReviewRuleException">Criteria repeat, weights do not sum to 1, a score names an unknown
    /// criterion or repeats, or an option has two cost-benefit cases.</exception>
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

        if (Criteria.Count > 0 && Math.Abs(total - 1) > WeightTolerance)
        {
            throw new ReviewRuleException(string.Create(CultureInfo.InvariantCulture, $"The criteria weights must sum to 1; they sum to {total:0.######} ({string.Join(", ", Criteria.Select(c => $"{c.Name} {c.Weight:0.###}"))})."));
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

    /// <summary>The options scored on every criterion, with their weighted scores (1 to 5), best first (ties by id).</summary>
    public IReadOnlyList<RankedOption> Ranking() => Rank(Criteria.ToDictionary(c => c.Name, c => c.Weight, StringComparer.Ordinal));

    /// <summary>The options scored on some but not every criterion (they are left out of the ranking).</summary>
    public IReadOnlyList<Guid> Incomplete()
        => [.. Scores.GroupBy(s => s.OptionId).Where(g => g.Count() < Criteria.Count).Select(g => g.Key)];

    /// <summary>
    /// Does the winner change if any one weight moves by ±20% (the others rescaled so they still sum to 1)? One case per
    /// criterion and factor; empty when fewer than two options are ranked or a criterion carries all the weight.
    /// </summary>
    public IReadOnlyList<SensitivityCase> Sensitivity()
    {
        var baseline = Ranking();
        if (baseline.Count < 2)
        {
            return [];
        }

        Guid winner = baseline[0].OptionId;
        var cases = new List<SensitivityCase>();
        foreach (var moved in Criteria)
        {
            if (moved.Weight >= 1 - WeightTolerance)
            {
                continue;
            }

            foreach (double factor in SensitivityFactors)
            {
                double weight = Math.Min(1, moved.Weight * factor);
                double rest = (1 - weight) / (1 - moved.Weight);
                var weights = Criteria.ToDictionary(c => c.Name, c => c.Name == moved.Name ? weight : c.Weight * rest, StringComparer.Ordinal);
                var ranking = Rank(weights);
                cases.Add(new SensitivityCase(moved.Name, factor, weight, ranking[0].OptionId, ranking[0].WeightedScore, ranking[0].OptionId != winner));
            }
        }

        return cases;
    }

    private List<RankedOption> Rank(Dictionary<string, double> weights)
    {
        Checked();
        var sums = new Dictionary<Guid, (double Sum, int Cells)>();
        foreach (var score in Scores)
        {
            var (sum, cells) = sums.GetValueOrDefault(score.OptionId);
            sums[score.OptionId] = (sum + (weights[score.Criterion] * score.Score), cells + 1);
        }

        return [.. sums.Where(p => Criteria.Count > 0 && p.Value.Cells == Criteria.Count)
            .Select(p => new RankedOption(p.Key, p.Value.Sum))
            .OrderByDescending(p => Math.Round(p.WeightedScore, 9))
            .ThenBy(p => p.OptionId)];
    }
}

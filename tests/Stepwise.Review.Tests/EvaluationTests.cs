using Stepwise.Review.Common;
using Stepwise.Review.Evaluation;

namespace Stepwise.Review.Tests;

public sealed class EvaluationTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void NetPresentValue_FiveYearsAtTenPercent_MatchesAnnuityFormula()
    {
        // Independent check: the closed-form annuity factor (1 - (1+r)^-n) / r, computed in double.
        var cb = new CostBenefit(A, oneOffCost: 1000m, runningCostPerYear: 100m, savingsPerYear: 400m, years: 5, discountRate: 0.10m);
        double annuity = (1 - Math.Pow(1.1, -5)) / 0.1;
        double expected = -1000 + (300 * annuity);
        Assert.Equal(Math.Round(expected, 2), (double)cb.NetPresentValue, 2);
        Assert.Equal(137.24m, cb.NetPresentValue); // 300 x 3.79079 - 1000, worked by hand
        Assert.Equal(1000m / 300m, cb.PaybackYears);
    }

    [Fact]
    public void PaybackYears_NetBenefitNotPositive_IsNull()
        => Assert.Null(new CostBenefit(A, 500m, 200m, 200m, 3, 0.05m).PaybackYears);

    [Fact]
    public void CostBenefit_NegativeCost_RefusedNamingTheField()
    {
        var ex = Assert.Throws<ReviewRuleException>(() => new CostBenefit(A, -1m, 0m, 0m, 3, 0.05m));
        Assert.Contains("One-off cost cannot be negative", ex.Message);
    }

    [Fact]
    public void Checked_WeightsSumToZero_Refused()
    {
        var evaluation = new OptionEvaluation { Id = A, Criteria = [new Criterion("cost", 0), new Criterion("effort", 0)] };
        var ex = Assert.Throws<ReviewRuleException>(() => evaluation.Checked());
        Assert.Contains("add up to more than zero", ex.Message);
    }

    [Fact]
    public void Criterion_NegativeWeight_Refused()
        => Assert.Throws<ReviewRuleException>(() => new Criterion("cost", -0.5));

    [Fact]
    public void Ranking_HandWorkedMatrix_OrdersByWeightedScore()
    {
        // Weights 3 and 1 normalise to 0.75 and 0.25. A: 0.75*8 + 0.25*2 = 6.5; B: 0.75*5 + 0.25*10 = 6.25.
        var evaluation = new OptionEvaluation
        {
            Id = A,
            Criteria = [new Criterion("customer effort", 3), new Criterion("cost", 1)],
            Scores = [new OptionScore(A, "customer effort", 8), new OptionScore(A, "cost", 2), new OptionScore(B, "customer effort", 5), new OptionScore(B, "cost", 10)],
        };
        var ranking = evaluation.Ranking();
        Assert.Equal([A, B], ranking.Select(r => r.OptionId));
        Assert.Equal(6.5, ranking[0].WeightedScore, 10);
        Assert.Equal(6.25, ranking[1].WeightedScore, 10);
    }

    [Fact]
    public void Checked_ScoreOnUnknownCriterion_Refused()
    {
        var evaluation = new OptionEvaluation { Id = A, Criteria = [new Criterion("cost", 1)], Scores = [new OptionScore(A, "speed", 5)] };
        Assert.Contains("'speed'", Assert.Throws<ReviewRuleException>(() => evaluation.Checked()).Message);
    }

    [Fact]
    public void Risk_ExposureIsLikelihoodTimesImpact_AndOutOfRangeRefused()
    {
        Assert.Equal(12, new Risk("staff resist change", 3, 4).Exposure);
        Assert.Throws<ReviewRuleException>(() => new Risk("x", 6, 1));
    }
}

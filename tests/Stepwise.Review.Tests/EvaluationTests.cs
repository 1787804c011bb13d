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
    public void Checked_WeightsNotSummingToOne_RefusedWithTheSum()
    {
        var evaluation = new OptionEvaluation { Id = A, Criteria = [new Criterion("cost", 0.5), new Criterion("effort", 0.3)] };
        var ex = Assert.Throws<ReviewRuleException>(() => evaluation.Checked());
        Assert.Contains("must sum to 1; they sum to 0.8", ex.Message);
    }

    [Fact]
    public void Criterion_WeightOutsideZeroToOne_Refused()
    {
        Assert.Throws<ReviewRuleException>(() => new Criterion("cost", -0.5));
        Assert.Throws<ReviewRuleException>(() => new Criterion("cost", 1.5));
    }

    [Fact]
    public void OptionScore_OutsideOneToFiveOrWithoutRationale_Refused()
    {
        Assert.Throws<ReviewRuleException>(() => new OptionScore(A, "cost", 0, "free"));
        Assert.Throws<ReviewRuleException>(() => new OptionScore(A, "cost", 6, "free"));
        Assert.Contains("Rationale", Assert.Throws<ReviewRuleException>(() => new OptionScore(A, "cost", 3, " ")).Message);
    }

    [Fact]
    public void Ranking_HandWorkedMatrix_OrdersByWeightedScore()
    {
        // A: 0.75*4 + 0.25*1 = 3.25; B: 0.75*3 + 0.25*5 = 3.5. C is scored on one criterion only: not ranked.
        var c = Guid.Parse("00000000-0000-0000-0000-00000000000c");
        var evaluation = new OptionEvaluation
        {
            Id = A,
            Criteria = [new Criterion("customer effort", 0.75), new Criterion("cost", 0.25)],
            Scores =
            [
                new OptionScore(A, "customer effort", 4, "one contact fewer"), new OptionScore(A, "cost", 1, "new licence"),
                new OptionScore(B, "customer effort", 3, "same contacts"), new OptionScore(B, "cost", 5, "no spend"),
                new OptionScore(c, "cost", 5, "no spend"),
            ],
        };
        var ranking = evaluation.Ranking();
        Assert.Equal([B, A], ranking.Select(r => r.OptionId));
        Assert.Equal(3.5, ranking[0].WeightedScore, 10);
        Assert.Equal(3.25, ranking[1].WeightedScore, 10);
        Assert.Equal([c], evaluation.Incomplete());
    }

    [Fact]
    public void Sensitivity_HandWorkedMatrix_WinnerChangesWhenSpeedLosesOrCostGainsWeight()
    {
        // Weights 0.6 / 0.4; A scores (5, 1) = 3.4, B scores (2, 5) = 3.2, so A wins.
        // Speed x0.8 = 0.48, cost rescaled to 0.52: A = 2.4 + 0.52 = 2.92, B = 0.96 + 2.6 = 3.56 -> B wins.
        // Speed x1.2 = 0.72, cost 0.28: A = 3.88, B = 2.84 -> A. Cost x0.8 = 0.32, speed 0.68: A = 3.72, B = 2.96 -> A.
        // Cost x1.2 = 0.48, speed 0.52: A = 2.6 + 0.48 = 3.08, B = 1.04 + 2.4 = 3.44 -> B wins.
        var evaluation = new OptionEvaluation
        {
            Id = A,
            Criteria = [new Criterion("speed", 0.6), new Criterion("cost", 0.4)],
            Scores = [new OptionScore(A, "speed", 5, "fast"), new OptionScore(A, "cost", 1, "dear"), new OptionScore(B, "speed", 2, "slow"), new OptionScore(B, "cost", 5, "cheap")],
        };
        Assert.Equal(A, evaluation.Ranking()[0].OptionId);
        var cases = evaluation.Sensitivity();
        Assert.Equal(4, cases.Count);
        var speedDown = cases.Single(x => x.Criterion == "speed" && x.Factor == 0.8);
        Assert.Equal(0.48, speedDown.Weight, 10);
        Assert.Equal(B, speedDown.Winner);
        Assert.Equal(3.56, speedDown.WinnerScore, 10);
        Assert.True(speedDown.WinnerChanged);
        Assert.False(cases.Single(x => x.Criterion == "speed" && x.Factor == 1.2).WinnerChanged);
        Assert.False(cases.Single(x => x.Criterion == "cost" && x.Factor == 0.8).WinnerChanged);
        var costUp = cases.Single(x => x.Criterion == "cost" && x.Factor == 1.2);
        Assert.True(costUp.WinnerChanged);
        Assert.Equal(3.44, costUp.WinnerScore, 10);
    }

    [Fact]
    public void CostBenefit_SavingsInterval_CarriedToNetPresentValueAndPayback()
    {
        // Savings 400 a year in [300, 500], running 100, one-off 1000, 5 years at 10% (annuity factor 3.790787):
        // NPV low = 200 x 3.790787 - 1000 = -241.84; high = 400 x 3.790787 - 1000 = 516.31.
        // Payback: 1000 / 400 = 2.5 years at the high end, 1000 / 200 = 5 years at the low end.
        var cb = new CostBenefit(A, 1000m, 100m, 400m, 5, 0.10m, savingsLowPerYear: 300m, savingsHighPerYear: 500m, savingsBasis: "simulation");
        Assert.Equal(137.24m, cb.NetPresentValue);
        Assert.Equal(-241.84m, cb.NetPresentValueLow);
        Assert.Equal(516.31m, cb.NetPresentValueHigh);
        Assert.Equal(2.5m, cb.PaybackYearsLow);
        Assert.Equal(5m, cb.PaybackYearsHigh);
        Assert.Throws<ReviewRuleException>(() => new CostBenefit(A, 1000m, 100m, 400m, 5, 0.10m, savingsLowPerYear: 450m, savingsHighPerYear: 500m));
    }

    [Fact]
    public void CostBenefit_OneOffSaving_ReducesTheOutlay()
    {
        // 1000 spent, 400 recovered at once: outlay 600, net 300 a year -> payback 2 years; NPV = 300 x 3.790787 - 600 = 537.24.
        var cb = new CostBenefit(A, 1000m, 100m, 400m, 5, 0.10m, oneOffSaving: 400m);
        Assert.Equal(2m, cb.PaybackYears);
        Assert.Equal(537.24m, cb.NetPresentValue);
    }

    [Fact]
    public void Risk_ExposureIsLikelihoodTimesImpact_AndOutOfRangeRefused()
    {
        Assert.Equal(12, new Risk("staff resist change", 3, 4).Exposure);
        Assert.Throws<ReviewRuleException>(() => new Risk("x", 6, 1));
    }

    [Fact]
    public void ChangeDescriptions_ForPeople_PercentagesWithoutASpaceAndTimesInWords()
    {
        Assert.Equal("rework from 'Resolve' back to 'Take' reduced by 50%", Stepwise.Review.Options.ChangeKinds.Describe(new Stepwise.Simulation.Scenarios.ReduceRework("Resolve", "Take", 0.5)));
        Assert.Equal("15% of arrivals to self-service", Stepwise.Review.Options.ChangeKinds.Describe(new Stepwise.Simulation.Scenarios.SelfService(0.15)));
        Assert.Equal("automate 'Triage' (60 s each)", Stepwise.Review.Options.ChangeKinds.Describe(new Stepwise.Simulation.Scenarios.AutomateStep("Triage", Stepwise.Simulation.Distributions.Distribution.Constant(60))));
        Assert.Equal("automate 'Triage' (a mean of 90 s)", Stepwise.Review.Options.ChangeKinds.Describe(new Stepwise.Simulation.Scenarios.AutomateStep("Triage", Stepwise.Simulation.Distributions.Distribution.Exponential(90))));
        Assert.Equal("automate 'Triage' (a mean of 2.5 min)", Stepwise.Review.Options.ChangeKinds.Describe(new Stepwise.Simulation.Scenarios.AutomateStep("Triage", Stepwise.Simulation.Distributions.Distribution.Exponential(150))));
    }
}

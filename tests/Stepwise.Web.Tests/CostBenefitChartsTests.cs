using Stepwise.Review.Evaluation;
using Stepwise.Web.Stages;

namespace Stepwise.Web.Tests;

public sealed class CostBenefitChartsTests
{
    [Fact]
    public void Waterfall_StatedCase_StepsAddUpToTheNetPresentValueWorkedOutByHand()
    {
        // 12,000 now, 1,000 a year to run, 6,000 a year saved, 5 years at 5%:
        // NPV = -12,000 + 5,000 × (1 - 1.05^-5) / 0.05 = -12,000 + 5,000 × 4.3294767 = 9,647.38.
        var cb = new CostBenefit(Guid.NewGuid(), 12_000m, 1_000m, 6_000m, 5, 0.05m);

        var chart = CostBenefitCharts.Waterfall(cb, "No waiting step");

        Assert.Equal(["One-off cost", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Net present value"], chart.Steps.Select(s => s.Label));
        Assert.Equal(-12_000, chart.Steps[0].Amount);
        Assert.Equal(5_000 / 1.05, chart.Steps[1].Amount, 6);
        Assert.Equal(5_000 / Math.Pow(1.05, 5), chart.Steps[5].Amount, 6);
        Assert.Equal(9_647.38, chart.Steps.Where(s => !s.IsTotal).Sum(s => s.Amount), 2);
        Assert.True(chart.Steps[^1].IsTotal);
        Assert.Equal(9_647.38m, cb.NetPresentValue);
    }

    [Fact]
    public void Waterfall_LongHorizon_GroupsTheYearsIntoOneStep()
    {
        var cb = new CostBenefit(Guid.NewGuid(), 1_000m, 0m, 100m, 20, 0m, oneOffSaving: 250m);

        var chart = CostBenefitCharts.Waterfall(cb, "Long");

        Assert.Equal(["One-off cost", "One-off saving", "Years 1–20", "Net present value"], chart.Steps.Select(s => s.Label));
        Assert.Equal(2_000, chart.Steps[2].Amount, 6); // 20 × 100, undiscounted at 0%
        Assert.Equal(1_250, chart.Steps.Where(s => !s.IsTotal).Sum(s => s.Amount), 6);
    }

    [Fact]
    public void Waterfall_ReviewCurrency_AmountsWrittenInIt()
    {
        var cb = new CostBenefit(Guid.NewGuid(), 12_000m, 1_000m, 6_000m, 5, 0.05m);

        var chart = CostBenefitCharts.Waterfall(cb, "No waiting step", "EUR");

        Assert.Equal("Amount (EUR)", chart.Value.Title);
        Assert.Equal("\u221212,000 EUR", chart.Value.Format(-12_000));
    }
}

using Stepwise.Statistics.Control;

namespace Stepwise.Statistics.Tests.Control;

public class ControlChartTests
{
    [Fact]
    public void PChart_MontgomeryExample_MatchesPublishedLimits()
    {
        // Montgomery, Introduction to Statistical Quality Control, Example 7.1 (orange-juice cans): 30 samples of 50,
        // 347 nonconforming in all; p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524. The limits depend only on p̄ and n.
        var counts = Enumerable.Repeat(50, 30).ToArray();
        var defects = Enumerable.Repeat(11, 30).ToArray();
        defects[0] += 347 - defects.Sum();
        var chart = ControlCharts.PChart([.. Enumerable.Range(1, 30).Select(i => i.ToString())], defects, counts);
        Assert.Equal(0.2313, chart.Centre, 4);
        Assert.Equal(0.4102, chart.Points[5].Upper, 4);
        Assert.Equal(0.0524, chart.Points[5].Lower, 4);
    }

    [Fact]
    public void XmR_HandWorked_LimitsAndBeyondLimitSignal()
    {
        // Values 10, 12, 11, 13, 12, 30: mean 14.667; moving ranges 2, 1, 2, 1, 18 -> mean 4.8.
        var chart = ControlCharts.XmR(["a", "b", "c", "d", "e", "f"], [10, 12, 11, 13, 12, 30]);
        Assert.Equal(88.0 / 6, chart.Centre, 10);
        Assert.Equal(4.8, chart.MovingRangeMean, 10);
        Assert.Equal((88.0 / 6) + (2.66 * 4.8), chart.Points[0].Upper, 10);
        Assert.Equal(3.267 * 4.8, chart.MovingRangeUpper, 10);
        Assert.Empty(chart.Points[4].Signals);
    }

    [Fact]
    public void Signals_HandBuiltSeries_EachRuleFiresWhereExpected()
    {
        // Centre 0 and sigma 1 throughout, so the values are z-scores.
        double[] z = [0.5, -0.5, 3.5, 0.2, 2.5, 2.2, -0.3, 1.5, 1.2, 1.4, 1.1, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, -1, -2, -3, -3.1, -3.2, -2.7];
        var signals = ControlCharts.Signals(z, _ => 0, _ => 1);
        Assert.Equal([ControlRule.BeyondLimits], signals[2]);
        Assert.Contains(ControlRule.TwoOfThreeBeyondTwoSigma, signals[5]);
        Assert.Contains(ControlRule.FourOfFiveBeyondOneSigma, signals[10]);
        Assert.Contains(ControlRule.EightOnOneSide, signals[14]);
        Assert.Contains(ControlRule.SixTrending, signals[16]);
        Assert.Contains(ControlRule.SixTrending, signals[21]);
        Assert.DoesNotContain(ControlRule.SixTrending, signals[22]);
        Assert.Empty(signals[0]);
        Assert.Empty(signals[3]);
    }

    [Fact]
    public void PeriodLabels_SortInTimeOrder()
    {
        Assert.Equal("2023-11", PeriodLabels.Of(new DateTime(2023, 11, 19), Period.Month));
        Assert.Equal("2023-Q4", PeriodLabels.Of(new DateTime(2023, 11, 19), Period.Quarter));
        Assert.Equal("2024-W01", PeriodLabels.Of(new DateTime(2024, 1, 1), Period.Week));
    }
}

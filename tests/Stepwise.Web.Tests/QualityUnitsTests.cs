using Stepwise.Charts;
using Stepwise.Review.Quality;
using Stepwise.Web.QualityReviews;

namespace Stepwise.Web.Tests;

public sealed class QualityUnitsTests
{
    private static PlannedMeasure Line(string metric, string? statistic, double target, bool higher = true, string? column = null) => new()
    {
        Metric = metric,
        Statistic = statistic,
        Column = column,
        Method = "survey",
        Frequency = "monthly",
        Target = target,
        HigherIsBetter = higher,
    };

    [Theory]
    [InlineData(0.0231, "+0.02")]
    [InlineData(-0.0596, "−0.06")]
    [InlineData(-0.1, "−0.10")]
    [InlineData(-0.1003, "−0.1003")]
    [InlineData(-0.0996, "−0.0996")]
    [InlineData(-0.09996, "−0.09996")]
    [InlineData(-0.09951, "−0.0995")]
    [InlineData(-0.125, "−0.13")]
    [InlineData(0.1003, "+0.10")]
    public void Difference_NearTheLimitOfUnderRepresentation_ShowsWhichSideItLies(double d, string expected)
        => Assert.Equal(expected, QualityUnits.Difference(d));

    [Theory]
    [InlineData("top2", 0.45, true, "≥ 45%")]
    [InlineData("csat", 0.625, true, "≥ 62.5%")]
    [InlineData("fcr", 0.8, false, "≤ 80%")]
    [InlineData("mean", 3.5, true, "≥ 3.5")]
    [InlineData("ces", 4, false, "≤ 4")]
    [InlineData("nps", 20, true, "≥ 20 points")]
    [InlineData(null, 4, true, "≥ 4")]
    public void Target_ByStatistic_WrittenInItsUnit(string? statistic, double target, bool higher, string expected)
        => Assert.Equal(expected, QualityUnits.Target(Line("Metric", statistic, target, higher)));

    [Fact]
    public void Revised_TargetOfAShare_BothSidesAsPercentages()
    {
        var wifi = Line("Wifi satisfaction", "top2", 0.45);

        Assert.Equal("≥ 60%", QualityUnits.Revised(wifi, "target", ">=0.6"));
        Assert.Equal("≤ 45%", QualityUnits.Revised(wifi, "target", "<=0.45"));
        Assert.Equal("monthly", QualityUnits.Revised(wifi, "frequency", "monthly"));
        Assert.Equal("none", QualityUnits.Revised(wifi, "source", null));
    }

    [Fact]
    public void MeasureOf_ResponseTime_UnitFromItsColumn()
    {
        var measure = QualityUnits.MeasureOf(Line("Arrival delay", "response-time", 15, higher: false, column: "Arrival Delay in Minutes"));

        Assert.Equal("Arrival delay (minutes)", measure.Title);
        Assert.Equal("mean, minutes", QualityUnits.UnitName("response-time", "Arrival Delay in Minutes"));
        Assert.Equal("% of responses", QualityUnits.UnitName("top2"));
    }

    [Fact]
    public void MeasureOf_Share_FormatsAFractionAsAPercentage()
        => Assert.Equal("31.3%", QualityUnits.MeasureOf("Wifi", "top2").Format(0.3128));

    [Fact]
    public void Exact_KeepsOnlyTheDecimalsTheValueHas()
    {
        Assert.Equal("45%", QualityUnits.Exact(Measure.Percent("Share", 1), 0.45));
        Assert.Equal("3.25", QualityUnits.Exact(Measure.Number("Mean", "score", 2), 3.25));
    }
}

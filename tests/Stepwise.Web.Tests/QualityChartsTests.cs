using Bunit;
using Stepwise.Charts;
using Stepwise.Review.Common;
using Stepwise.Review.Quality;
using Stepwise.Web.Components.Shared;
using Stepwise.Web.QualityReviews;

namespace Stepwise.Web.Tests;

public sealed class QualityChartsTests
{
    private static readonly QualityReview Plan = new()
    {
        Id = Guid.Parse("11111111-1111-1111-1111-111111111111"),
        Title = "Passenger satisfaction",
        Owner = "Quality lead",
        CreatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        MeasurementPlan =
        [
            new PlannedMeasure { Metric = "Satisfied passengers", Statistic = "csat", Column = "satisfaction", Method = "survey", Frequency = "quarterly", Target = 0.5 },
            new PlannedMeasure { Metric = "Wifi <top-2>", Statistic = "top2", Column = "Inflight wifi service", Method = "survey", Frequency = "monthly", Target = 0.45 },
            new PlannedMeasure { Metric = "Online boarding score", Statistic = "mean", Column = "Online boarding", Method = "survey", Frequency = "monthly", Target = 3.5 },
        ],
    };

    private static QualityAnalysis Analysis(IReadOnlyList<SegmentResult>? segments = null) => new()
    {
        Id = Guid.Parse("22222222-2222-2222-2222-222222222222"),
        Title = "Test split",
        DataSourceId = Guid.Parse("33333333-3333-3333-3333-333333333333"),
        File = "survey.csv",
        DataHash = ContentHash.Of("survey"u8),
        Responses = 25976,
        Confidence = 0.95,
        At = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero),
        Results =
        [
            new QualityResult("Satisfied passengers", "satisfaction", 0.439, 0.433, 0.445, 25976, 0.5, true, ResultVerdict.Missed),
            new QualityResult("Wifi <top-2>", "Inflight wifi service", 0.313, 0.307, 0.318, 25163, 0.45, true, ResultVerdict.Missed),
            new QualityResult("Online boarding score", "Online boarding", 3.35, 3.33, 3.36, 25324, 3.5, true, ResultVerdict.Missed),
        ],
        Segments = segments ?? [],
    };

    [Fact]
    public void Results_SharesAndScores_OneChartPerUnitWithEachTargetBesideItsResult()
    {
        var charts = QualityCharts.Results(Analysis(), Plan);

        Assert.Equal(2, charts.Count);
        var shares = charts[0];
        Assert.Equal(MeasureKind.Percent, shares.Value.Kind);
        Assert.Equal(["Satisfied passengers", "Wifi <top-2>"], shares.Items.Select(i => i.Label));
        Assert.Equal(0.45, shares.Items[1].Before.Value);
        Assert.Equal(0.307, shares.Items[1].After.Lower);
        var scores = charts[1];
        Assert.Equal("Mean score (score)", scores.Value.Title);
        Assert.Equal(3.5, Assert.Single(scores.Items).Before.Value);
    }

    [Fact]
    public void Results_Rendered_TableShowsPercentagesWithUnitsAndTheNameEncoded()
    {
        using var context = new BunitContext();
        var figure = QualityCharts.Results(Analysis(), Plan)[0].Render(QualityCharts.Bars, "results-0");

        var view = context.Render<ChartView>(p => p.Add(c => c.Figure, figure));

        Assert.Contains("Wifi &lt;top-2&gt;", view.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<top-2>", view.Markup, StringComparison.Ordinal);
        view.Find("button").Click();
        var text = view.Find("table").TextContent;
        Assert.Contains("45.0%", text, StringComparison.Ordinal);
        Assert.Contains("31.3%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.45", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_ReferenceLine_IsTheShareOfAllResponsesWithTheSegment()
    {
        // Eco 200 of 1,000 yes, Business 700 of 1,000: all 2,000 responses give 900 / 2,000 = 45%.
        var chart = Assert.Single(QualityCharts.Segments(Analysis(
        [
            new SegmentResult("Class", "Eco", "satisfaction", true, 1000, 0.2, 0.176, 0.226, 0.7, 0.0001),
            new SegmentResult("Class", "Business", "satisfaction", true, 1000, 0.7, 0.671, 0.727, 0.2, 0.0001),
        ])));

        Assert.Equal(0.45, chart.Reference, 12);
        Assert.Equal("Satisfaction (share yes) by Class", chart.Title);
        Assert.Equal(["Eco", "Business"], chart.Bars.Select(b => b.Label));
    }

    [Fact]
    public void Trend_NoDates_NoChart()
        => Assert.Null(QualityCharts.Trend(Analysis()));

    [Fact]
    public void Check_Attribute_PopulationAgainstSampleShares()
    {
        var check = new AttributeCheck("Customer Type", 8.6, 1, 0.003, 0.1, false,
            [new GroupCheck("Loyal Customer", 21177, 0.815, 787, 0.853, 0.1, false, 0.96), new GroupCheck("disloyal Customer", 4799, 0.185, 136, 0.147, -0.1, true, 1.25)]);

        var chart = QualityCharts.Check(check, "responses");

        Assert.Equal("Customer Type: responses against the population", chart.Title);
        Assert.Contains("p = 0.003: not representative", chart.Subtitle, StringComparison.Ordinal);
        Assert.Equal(0.185, chart.Items[1].Before.Value);
        Assert.Equal(0.147, chart.Items[1].After.Value);
    }
}

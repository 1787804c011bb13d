using System.Xml;
using System.Xml.Linq;
using Stepwise.Charts;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Monitoring.Rendering;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Control;

namespace Stepwise.Monitoring.Tests;

/// <summary>The control charts across the change (drawn by the shared chart module) and the forecast verdicts.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Chart_RealTrend_SharedControlChartWithThePhaseLineAndEverySignalRinged()
    {
        var result = ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new ChangeDateSplit { Log = Logs.Helpdesk, ChangeDate = new DateTimeOffset(2012, 6, 1, 0, 0, 0, TimeSpan.Zero) },
            Kpis = [MonitoredKpi.Of(new KpiMeasure(KpiKind.WaitingMedian, "Resolve ticket"))],
            Options = new MonitorOptions { Resamples = 1000 },
        });
        var trend = result.Trends.Single();

        var chart = TrendCharts.Chart(trend);
        var figure = chart.Render(ChartSize.Screen, "kpi");
        var doc = Parse(figure.Svg);

        int firstAfter = trend.Points.ToList().FindIndex(p => p.Phase == TrendPhase.After);
        Assert.Equal([new ControlChartPhase(firstAfter, "change")], chart.Phases);
        Assert.Equal(trend.Points.Count, figure.Table.Rows.Count);
        int signals = trend.Points.Count(p => p.Signals.Count + p.BaselineSignals.Count > 0);
        string plotted = figure.Svg[figure.Svg.IndexOf("<g class=\"values\">", StringComparison.Ordinal)..];
        Assert.Equal(signals, System.Text.RegularExpressions.Regex.Matches(plotted, "<circle [^>]*fill=\"none\" stroke=\"#D55E00\"").Count);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "change");
        Assert.Contains(doc.Descendants(Svg + "line"), l => (string?)l.Attribute("stroke-dasharray") == "2 3");
        Assert.Contains("with limits recomputed from there", figure.Description, StringComparison.Ordinal);

        // Waiting before 'Resolve ticket' rose from hours to days: the after points signal against the before limits.
        Assert.True(trend.ShiftSignalled);

        // Values in days (the largest value is days): the first row's centre is the before centre line.
        Assert.Equal(trend.BeforeCentre / 86400, figure.Table.Rows[0][2].Number, 9);
    }

    [Fact]
    public void Chart_UserText_Escaped()
    {
        var rules = new List<ControlRule> { ControlRule.BeyondLimits };
        var trend = new KpiTrend("waiting_median:<Wait & \"see\">", "Waiting before '<Wait & \"see\">', median", KpiUnit.Seconds, "XmR", TrendInterval.Day,
        [
            new TrendPoint("2024-01-01", TrendPhase.Before, 60, 9, 60, 0, 120, [], []),
            new TrendPoint("2024-01-02", TrendPhase.Before, 70, 9, 60, 0, 120, [], []),
            new TrendPoint("2024-01-03", TrendPhase.After, 400, 9, 300, 100, 500, [], rules),
        ], 65, 400);

        string svg = TrendCharts.Svg(trend);
        var doc = Parse(svg);

        Assert.DoesNotContain("<Wait", svg, StringComparison.Ordinal);
        Assert.StartsWith("Waiting before '<Wait & \"see\">', median", doc.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_NoPoints_StillDrawn()
    {
        var trend = new KpiTrend("waiting_median:Rare step", "Waiting before 'Rare step', median", KpiUnit.Seconds, "XmR", TrendInterval.Week, [], double.NaN, double.NaN);

        var doc = Parse(TrendCharts.Svg(trend));

        Assert.Empty(TrendCharts.Chart(trend).Phases);
        Assert.StartsWith("Waiting before 'Rare step', median", doc.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10.0, 12.0, 5.0, 8.0, ForecastVerdict.ShortOfForecast)]
    [InlineData(2.0, 4.0, 5.0, 8.0, ForecastVerdict.BetterThanForecast)]
    [InlineData(6.0, 9.0, 5.0, 8.0, ForecastVerdict.AsForecast)]
    public void Forecast_LowerIsBetter_ActualIntervalAgainstTheForecast(double low, double high, double fLow, double fHigh, ForecastVerdict expected)
    {
        var kpi = new KpiComparison { Kpi = MonitoredKpi.Of(new KpiMeasure(KpiKind.ThroughputMedian)), Before = 20, After = (low + high) / 2, AfterLow = low, AfterHigh = high, Verdict = Verdict.Improved };

        var check = ForecastComparison.Compare(new Forecast { Kpis = [new KpiForecast { Key = "throughput_median", Low = fLow, High = fHigh }] }, [kpi], 100, 365.25).Single();

        Assert.Equal(expected, check.Verdict);
    }

    [Theory]
    [InlineData(-20.0, 25.0, -18.0, -9.0, ForecastVerdict.CannotTell)] // overlaps the forecast, and holds no change
    [InlineData(-20.0, -2.0, -18.0, -9.0, ForecastVerdict.AsForecast)] // overlaps the forecast, leaves out no change
    [InlineData(-20.0, 25.0, -18.0, 3.0, ForecastVerdict.AsForecast)] // the forecast itself allowed no change
    [InlineData(1.0, 25.0, -18.0, -9.0, ForecastVerdict.ShortOfForecast)]
    public void Forecast_Change_AnActualChangeThatMayBeNoneCannotConfirmAForecastChange(double low, double high, double fLow, double fHigh, ForecastVerdict expected)
    {
        var kpi = new KpiComparison { Kpi = MonitoredKpi.Of(new KpiMeasure(KpiKind.ThroughputMedian)), Before = 100, After = 100 + (low + high) / 2, Difference = (low + high) / 2, Low = low, High = high, Verdict = Verdict.NoDetectableChange };

        var check = ForecastComparison.Compare(new Forecast { Kpis = [new KpiForecast { Key = "throughput_median", Low = fLow, High = fHigh, IsChange = true }] }, [kpi], 100, 365.25).Single();

        Assert.Equal(expected, check.Verdict);
    }

    [Fact]
    public void Forecast_Savings_RealisedSavingsThatMayBeNoneCannotConfirmTheForecast()
    {
        // Cost per case 50 before, 49 after, change -1 (-3 to +1): over 2,000 cases the savings to date are 2,000
        // (-2,000 to 6,000). A yearly forecast of 8,000 is 4,000 for the half year: the intervals overlap, but the
        // actual one holds zero savings.
        var cost = new KpiComparison { Kpi = MonitoredKpi.Of(new KpiMeasure(KpiKind.CostPerCase)), Before = 50, After = 49, Difference = -1, Low = -3, High = 1, Verdict = Verdict.NoDetectableChange };

        var check = ForecastComparison.Compare(new Forecast { Savings = new SavingsForecast { PerYear = 8_000 } }, [cost], 2000, 182.625).Single();

        Assert.Equal(-2_000, check.ActualLow, 9);
        Assert.Equal(6_000, check.ActualHigh, 9);
        Assert.Equal(4_000, check.ForecastLow, 9);
        Assert.Equal(ForecastVerdict.CannotTell, check.Verdict);
    }

    [Fact]
    public void Forecast_Savings_CostDifferenceTimesAfterCasesAgainstTheYearlyForecastProRata()
    {
        var cost = new KpiComparison { Kpi = MonitoredKpi.Of(new KpiMeasure(KpiKind.CostPerCase)), Before = 50, After = 45, Difference = -5, Low = -7, High = -3, Verdict = Verdict.Improved };

        var check = ForecastComparison.Compare(new Forecast { Savings = new SavingsForecast { PerYear = 20_000 } }, [cost], 2000, 182.625).Single();

        Assert.Equal(10_000, check.Actual, 9);
        Assert.Equal(6_000, check.ActualLow, 9);
        Assert.Equal(14_000, check.ActualHigh, 9);
        Assert.Equal(10_000, check.ForecastLow, 9);
        Assert.Equal(ForecastVerdict.AsForecast, check.Verdict);
    }

    [Fact]
    public void Forecast_KpiNotMonitored_NamedInWords_AndSavingsNameTheirCurrency()
    {
        var forecast = new Forecast
        {
            Kpis = [new KpiForecast { Key = "cost_per_case", Low = -5.7, High = 0.2, IsChange = true }],
            Savings = new SavingsForecast { PerYear = 8_000, Currency = "EUR" },
        };

        var checks = ForecastComparison.Compare(forecast, [], 100, 365.25);

        Assert.Equal(["Cost per case", "Savings to date (EUR)"], checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.Equal(ForecastVerdict.NotMeasured, c.Verdict));
    }

    private static XDocument Parse(string svg)
    {
        using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }
}

using System.Xml;
using System.Xml.Linq;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Monitoring.Rendering;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Control;

namespace Stepwise.Monitoring.Tests;

/// <summary>The control-chart SVG and the forecast verdicts.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Render_RealTrend_WellFormedWithOnePointPerIntervalAndSignalsMarked()
    {
        var result = ChangeMonitor.Run(new MonitorRequest
        {
            Periods = new ChangeDateSplit { Log = Logs.Helpdesk, ChangeDate = new DateTimeOffset(2012, 6, 1, 0, 0, 0, TimeSpan.Zero) },
            Kpis = [MonitoredKpi.Of(new KpiMeasure(KpiKind.WaitingMedian, "Resolve ticket"))],
            Options = new MonitorOptions { Resamples = 1000 },
        });
        var trend = result.Trends.Single();

        var doc = Parse(ControlChartSvg.Render(trend));

        var circles = doc.Descendants(Svg + "circle").ToList();
        Assert.Equal(trend.Points.Count, circles.Count);
        Assert.Equal(trend.Points.Count(p => p.Signals.Count + p.BaselineSignals.Count > 0), circles.Count(c => (string?)c.Attribute("fill") == "#c53030"));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "change");
        Assert.Equal(trend.Name + ": XmR chart by week across the change", doc.Root!.Element(Svg + "title")!.Value);
        Assert.True(trend.ShiftSignalled, "waiting before 'Resolve ticket' rose from hours to days: the after points signal against the before limits");
    }

    [Fact]
    public void Render_UserText_Escaped()
    {
        var rules = new List<ControlRule> { ControlRule.BeyondLimits };
        var trend = new KpiTrend("waiting_median:<Wait & \"see\">", "Waiting before '<Wait & \"see\">', median", KpiUnit.Seconds, "XmR", TrendInterval.Day,
        [
            new TrendPoint("2024-01-01", TrendPhase.Before, 60, 9, 60, 0, 120, [], []),
            new TrendPoint("2024-01-02", TrendPhase.Before, 70, 9, 60, 0, 120, [], []),
            new TrendPoint("2024-01-03", TrendPhase.After, 400, 9, 300, 100, 500, [], rules),
        ], 65, 400);

        string svg = ControlChartSvg.Render(trend);
        var doc = Parse(svg);

        Assert.DoesNotContain("<Wait", svg, StringComparison.Ordinal);
        Assert.Contains("Waiting before '<Wait & \"see\">', median", doc.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("against the before limits: beyond a limit", doc.Descendants(Svg + "circle").Last().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoPoints_SaysSo()
    {
        var trend = new KpiTrend("volume", "Volume", KpiUnit.CasesPerInterval, "XmR", TrendInterval.Week, [], double.NaN, double.NaN);

        Assert.Contains("No interval has enough cases to chart.", Parse(ControlChartSvg.Render(trend)).Root!.Value, StringComparison.Ordinal);
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

    private static XDocument Parse(string svg)
    {
        using var reader = XmlReader.Create(new StringReader(svg), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }
}

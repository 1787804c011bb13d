using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;
using Stepwise.Statistics.Control;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Feedback;
using Stepwise.Testing;

namespace Stepwise.Charts.Tests;

/// <summary>Charts of the real help-desk log and airline surveys, computed through the engines.</summary>
public sealed class RealDataChartTests
{
    private static readonly Lazy<EventLog> Helpdesk = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log);
    private static readonly Lazy<FeedbackImport> Airline = new(() => FeedbackReader.Read(
        SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv"), new FeedbackImportOptions { NotApplicableValues = ["0"] }));

    [Fact]
    public void Histogram_OfHelpdeskThroughput_CountsEveryCaseOnceInDays()
    {
        var cases = CaseStatistics.Compute(Helpdesk.Value);
        var days = cases.ThroughputSeconds.Select(s => TimeUnits.FromSeconds(s, TimeUnit.Days)).ToList();
        double p99 = BoxStats.Quantile(days.Order().ToList(), 0.99);
        var chart = HistogramChart.FromValues("Throughput time of help-desk tickets", Measure.Duration("Throughput time", TimeUnit.Days), days, "Tickets", 25, p99);
        int shown = chart.Bins.Sum(b => b.Count);
        int above = days.Count(d => d > p99);
        Assert.Equal(4580, days.Count);
        Assert.Equal(4580, shown + above);
        Assert.Contains(chart.Notes, n => n.Contains($"{above:N0} values above", StringComparison.Ordinal));
        // Every value falls in the bin that holds it, checked against the raw values.
        foreach (var bin in chart.Bins.Take(3))
        {
            Assert.Equal(days.Count(d => d >= bin.Lower && d < bin.Upper), bin.Count);
        }

        var figure = chart.Render();
        Assert.Contains("Throughput time (days)", ChartLayoutTests.Texts(figure));
    }

    [Fact]
    public void Pareto_OfHelpdeskEventsPerStep_MatchesTheLogAndEndsAtTheWhole()
    {
        var stats = ActivityStatistics.Compute(Helpdesk.Value);
        var chart = new ParetoChart
        {
            Title = "Events per step",
            Value = Measure.Count("Events"),
            CategoryName = "Step",
            MaxBars = 8,
            Items = stats.Select(s => new ParetoItem(s.Name, s.Events)).ToList(),
        };
        var figure = chart.Render(ChartSize.Slide);
        ChartLayoutTests.AssertClean(figure, "helpdesk Pareto on a slide");
        ChartLayoutTests.AssertClean(chart.Render(ChartSize.A4), "helpdesk Pareto at A4");
        var table = figure.Table;
        Assert.Equal(21348, table.Rows.Sum(r => r[1].Number));
        Assert.Equal(1.0, table.Rows[^1][3].Number, 12);
        var largest = stats.MaxBy(s => s.Events)!;
        Assert.Equal(largest.Name, table.Rows[0][0].Text);
        Assert.Equal(largest.Events, table.Rows[0][1].Number);
        Assert.StartsWith("All others (", table.Rows[^1][0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportancePerformance_OfAirlineDrivers_SplitsAtTheScaleMidpointNotTheMean()
    {
        var table = Airline.Value.Table;
        var outcome = table.Outcome!.Select(o => o is bool b ? (b ? 1.0 : 0.0) : double.NaN).ToArray();
        var analysis = KeyDrivers.Analyse(table.Items, outcome, table.OutcomeName!);
        var modelled = analysis.Drivers.Where(d => double.IsFinite(d.Importance)).ToList();
        Assert.True(modelled.Count >= 10);
        var chart = new ImportancePerformanceChart
        {
            Title = "What drives passenger satisfaction",
            Performance = Measure.Percent("Performance"),
            Importance = Measure.Percent("Importance", 1),
            PerformanceSplit = 0.5,
            PerformanceSplitName = "the scale midpoint",
            ImportanceSplit = 1.0 / modelled.Count,
            ImportanceSplitName = "an equal share",
            PerformanceRange = (0, 1),
            Items = modelled.Select(d => new GridItem(d.Item, d.Performance / 100, d.Importance)).ToList(),
        };
        var figure = chart.Render();
        ChartLayoutTests.AssertClean(figure, "airline grid at A4");
        ChartLayoutTests.AssertClean(chart.Render(ChartSize.Slide), "airline grid on a slide");
        // Rows in the order of the items' numbers: by importance, the most important first.
        var byImportance = modelled.OrderByDescending(d => d.Importance).ThenBy(d => d.Item, StringComparer.Ordinal).Select(d => d.Item).ToList();
        Assert.Equal(byImportance, figure.Table.Rows.Select(r => r[1].Text));
        for (int i = 0; i < modelled.Count; i++)
        {
            var row = figure.Table.Rows.Single(r => r[1].Text == modelled[i].Item);
            Assert.Equal(byImportance.IndexOf(modelled[i].Item) + 1, row[0].Number);
            Assert.Equal(modelled[i].Performance / 100, row[2].Number, 12);
            Assert.Equal(modelled[i].Importance, row[3].Number, 12);
            // The quadrant by the stated rule, worked here from the raw numbers.
            bool important = modelled[i].Importance >= 1.0 / modelled.Count;
            bool good = modelled[i].Performance >= 50;
            string expected = (important, good) switch
            {
                (true, false) => "Concentrate here",
                (true, true) => "Keep up the good work",
                (false, false) => "Low priority",
                _ => "Possible overkill",
            };
            Assert.Equal(expected, row[4].Text);
        }

        // The engine's own quadrants split at the items' mean performance; ours at the midpoint. On this survey at
        // least one item changes quadrant, which shows the split is not the mean.
        double meanPerformance = modelled.Average(d => d.Performance);
        Assert.Contains(modelled, d => d.Performance >= 50 != d.Performance >= meanPerformance);
    }

    [Fact]
    public void ControlChart_OfBaRecommendShare_RingsEverySignalPoint()
    {
        var ba = FeedbackReader.Read(SharedData.PathOf("surveys/BA_AirlineReviews.csv")).Table;
        var dated = Enumerable.Range(0, ba.Count).Where(i => ba.ResponseDates![i] is not null && ba.Outcome![i] is not null).ToList();
        var groups = dated.GroupBy(i => PeriodLabels.Of(ba.ResponseDates![i]!.Value, Period.Quarter)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var control = ControlCharts.PChart(groups.Select(g => g.Key).ToList(), groups.Select(g => g.Count(i => ba.Outcome![i] == true)).ToList(), groups.Select(g => g.Count()).ToList());
        Assert.True(control.HasSignals);
        var chart = new ControlChartPlot
        {
            Title = "Reviewers who recommend, per quarter",
            Value = Measure.Percent("Recommend", 1),
            PeriodName = "Quarter",
            Points = control.Points.Select(p => new ControlChartPoint(p.Label, p.Value, p.Centre, p.Lower, p.Upper, p.Signals.Select(s => (int)s).ToList())).ToList(),
        };
        var figure = chart.Render();
        ChartLayoutTests.AssertClean(figure, "BA control chart at A4");
        ChartLayoutTests.AssertClean(chart.Render(ChartSize.Slide), "BA control chart on a slide");
        Assert.DoesNotContain(figure.Labels, l => l.Text.EndsWith('\u2026') && l.Text.Length < 6);
        int signals = control.Points.Count(p => p.Signals.Count > 0);
        string plotted = figure.Svg[figure.Svg.IndexOf("<g class=\"values\">", StringComparison.Ordinal)..];
        int rings = System.Text.RegularExpressions.Regex.Matches(plotted, "<circle [^>]*fill=\"none\" stroke=\"#D55E00\"").Count;
        Assert.Equal(signals, rings);
        Assert.Equal(control.Points.Count, figure.Table.Rows.Count);
        Assert.Equal(control.Centre, figure.Table.Rows[0][2].Number, 12);
        Assert.Equal(signals, figure.Table.Rows.Count(r => r[5].Text!.Length > 0));
    }
}

using Stepwise.Charts;

namespace Stepwise.Charts.Tests;

/// <summary>One chart of every kind, with awkward content: long and hostile labels, intervals, negative amounts.</summary>
internal static class SampleCharts
{
    public static IEnumerable<(string Name, Chart Chart)> All()
    {
        yield return ("bars", new BarChart
        {
            Title = "Top-2-box share of each service feature, with 95% intervals",
            Subtitle = "Airline passengers, 2019",
            Value = Measure.Percent("Top-2-box share"),
            CategoryName = "Feature",
            Reference = 0.6,
            Bars =
            [
                new Bar("Inflight wifi service", 0.31, 0.30, 0.32),
                new Bar("Ease of online booking and departure/arrival time convenient", 0.41, 0.40, 0.42),
                new Bar("<script>alert('x')</script> & friends", 0.55, 0.53, 0.57),
                new Bar("Baggage handling", 0.68, 0.67, 0.69),
                new Bar("Cleanliness", 0.61),
            ],
        });
        yield return ("histogram", HistogramChart.FromValues("Throughput time of cases", Measure.Duration("Throughput time", TimeUnit.Days),
            Enumerable.Range(0, 400).Select(i => (i * 7919 % 1000) / 10.0 + (i % 7)), "Cases", 20, 90));
        yield return ("trend", new TrendChart
        {
            Title = "Share of passengers who would recommend, per month",
            Value = Measure.Percent("Recommend"),
            Periods = Enumerable.Range(0, 36).Select(i => $"{2020 + (i / 12)}-{(i % 12) + 1:00}").ToList(),
            Series =
            [
                new TrendSeries("Economy", Enumerable.Range(0, 36).Select(i => 0.4 + (0.01 * (i % 9))).ToList(),
                    Enumerable.Range(0, 36).Select(i => 0.35 + (0.01 * (i % 9))).ToList(), Enumerable.Range(0, 36).Select(i => 0.45 + (0.01 * (i % 9))).ToList()),
                new TrendSeries("Business", Enumerable.Range(0, 36).Select(i => i == 5 ? double.NaN : 0.6 + (0.005 * (i % 11))).ToList()),
            ],
            Target = 0.5,
        });
        yield return ("control", new ControlChartPlot
        {
            Title = "Recommend share per quarter (p-chart)",
            Value = Measure.Percent("Recommend", 1),
            Points = Enumerable.Range(0, 20).Select(i => new ControlChartPoint($"{2018 + (i / 4)}-Q{(i % 4) + 1}", 0.5 + (i == 7 ? 0.2 : 0.02 * (i % 3)), 0.52, 0.42 - (0.01 * (i % 2)), 0.62 + (0.01 * (i % 2)),
                i == 7 ? [1] : i == 12 ? [2, 4] : i == 13 ? [4] : [])).ToList(),
        });
        yield return ("control-phases", new ControlChartPlot
        {
            Title = "Median waiting time per week, before and after the change (XmR)",
            Value = Measure.Duration("Waiting time", TimeUnit.Hours),
            PeriodName = "Week from",
            Points = Enumerable.Range(0, 30).Select(i => i < 18
                ? new ControlChartPoint($"2024-W{i + 1:00}", 20 + (i % 4), 21.5, 15, 28, i == 9 ? [1] : [])
                : new ControlChartPoint($"2024-W{i + 1:00}", 11 + (i % 3), 12, 8, 16, i is 18 or 19 ? [1, 2] : i == 25 ? [4] : [])).ToList(),
            Phases = [new ControlChartPhase(18, "change")],
        });
        // Four years of weeks named by their first day, as the monitoring's control charts name them: thinned labels
        // must show whole dates and stay clear of each other and inside the picture.
        yield return ("control-weekly-dates", new ControlChartPlot
        {
            Title = "Median resolution time per week, before and after the change",
            Value = Measure.Duration("Time", TimeUnit.Days),
            PeriodName = "Week from",
            Points = Enumerable.Range(0, 200).Select(i => new ControlChartPoint(
                new DateOnly(2010, 1, 4).AddDays(7 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                38 + (i % 7), i < 120 ? 40 : 39, i < 120 ? 29 : 24, i < 120 ? 50 : 54, i == 60 ? [1] : [])).ToList(),
            Phases = [new ControlChartPhase(120, "change")],
        });
        // Most weeks signalling, in runs: numbered where there is room, else lettered groups listed under the chart.
        yield return ("control-crowded", ControlChartLabelTests.MostlySignals());
        yield return ("boxes", new BoxPlotChart
        {
            Title = "Waiting time before each step",
            Value = Measure.Duration("Waiting time", TimeUnit.Hours),
            GroupName = "Step",
            Groups =
            [
                new BoxGroup("Take in charge ticket", BoxStats.FromValues(Enumerable.Range(0, 300).Select(i => (i * 37 % 101) / 3.0))),
                new BoxGroup("Resolve ticket", BoxStats.FromValues(Enumerable.Range(0, 300).Select(i => (i * 53 % 89) / 2.0 + (i % 50 == 0 ? 200 : 0)))),
                new BoxGroup("Wait", BoxStats.FromValues(Enumerable.Range(0, 40).Select(i => i * 1.5))),
            ],
        });
        yield return ("pareto", new ParetoChart
        {
            Title = "Where the waiting time goes",
            Value = Measure.Duration("Total waiting time", TimeUnit.Days, 0),
            CategoryName = "Step",
            Items = Enumerable.Range(0, 15).Select(i => new ParetoItem(i % 3 == 0 ? $"Very long step name number {i} for wrapping" : $"Step {i}", 1000.0 / (i + 1))).ToList(),
        });
        yield return ("grid", new ImportancePerformanceChart
        {
            Title = "What drives satisfaction",
            Performance = Measure.Percent("Performance (share of scale)"),
            Importance = Measure.Percent("Importance (share of explained variance)", 1),
            PerformanceSplit = 0.5,
            ImportanceSplit = 1.0 / 14,
            PerformanceRange = (0, 1),
            Items = Enumerable.Range(0, 14).Select(i => new GridItem($"Service feature {i}", 0.3 + (0.035 * i), 0.02 + (0.01 * (i % 5)) + (i == 3 ? 0.2 : 0))).ToList(),
        });
        yield return ("waterfall", new WaterfallChart
        {
            Title = "Cost-benefit of automating the triage step over three years",
            Value = Measure.Money("Amount", "£"),
            Steps =
            [
                new WaterfallStep("One-off cost", -25000), new WaterfallStep("Running cost", -6000), new WaterfallStep("Savings year 1", 14000),
                new WaterfallStep("Savings year 2", 14000), new WaterfallStep("Savings year 3", 14000), WaterfallStep.Total("Net benefit"),
            ],
        });
        yield return ("before-after", new BeforeAfterChart
        {
            Title = "As-is against the option, by simulation (30 replications)",
            Value = Measure.Duration("Mean throughput time", TimeUnit.Days),
            BeforeName = "As-is",
            AfterName = "Automate triage",
            Items =
            [
                new BeforeAfterItem("All tickets", new ValueInterval(40.8, 39.9, 41.7), new ValueInterval(31.2, 30.5, 31.9)),
                new BeforeAfterItem("Tickets with an upgrade", new ValueInterval(62.0, 58.1, 65.9), new ValueInterval(55.4, 51.0, 59.8)),
            ],
        });
    }
}

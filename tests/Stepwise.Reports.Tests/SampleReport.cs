using Stepwise.Charts;
using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;
using Stepwise.Statistics.Control;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Testing;

namespace Stepwise.Reports.Tests;

/// <summary>
/// A report built from the real help-desk log and the airline surveys through the engines, as a pack builder would:
/// the numbers the tests expect back are read from the same engine results, and checked against the published counts.
/// </summary>
internal static class SampleReport
{
    public const string Email = "jane.doe@example.com";
    public const string Phone = "07700 900123";
    public const string Hostile = "<img src=x onerror=alert(1)> & \"quotes\"";

    private static readonly Lazy<Facts> Data = new(Compute);

    public static Facts Source => Data.Value;

    public static ReportDocument Build(bool includePersonalData = false)
    {
        var f = Source;
        var throughputDays = Measure.Duration("Throughput time", TimeUnit.Days);
        var steps = new ReportTable("Waiting before each step",
            [TableColumn.Text("Step"), TableColumn.Count("Events"), TableColumn.Count("Cases"), TableColumn.Duration("Median waiting time", TimeUnit.Hours), TableColumn.Duration("90th percentile waiting time", TimeUnit.Hours)],
            f.Steps.Select(s => (IReadOnlyList<TableCell>)[s.Name, s.Events, s.Cases, s.WaitingTime.Median, s.WaitingTime.P90]).ToList());
        var drivers = new ReportTable("Key drivers of passenger satisfaction",
            [TableColumn.Text("Service feature"), TableColumn.Percent("Importance"), TableColumn.Number("Mean score", 2, "points of 5"), TableColumn.Percent("Top-2-box share")],
            f.Drivers.Select(d => (IReadOnlyList<TableCell>)[d.Item, d.Importance, d.MeanScore, d.TopTwoBox]).ToList());
        var plan = new ReportTable("Actions agreed",
            [TableColumn.Text("Action"), TableColumn.Text("Owner"), TableColumn.Date("Due"), TableColumn.Money("Budget", "£")],
            [
                ["Automate ticket triage", "Service desk lead", new DateOnly(2026, 6, 30), 25000],
                ["Publish wifi status at the gate", "Digital team", new DateOnly(2026, 5, 15), 4000],
                [Hostile, "Quality manager", new DateOnly(2026, 7, 1), TableCell.Empty],
            ]);
        return new ReportDocument
        {
            Title = "Help desk and passenger experience review",
            Subtitle = "Findings and options, as of the review's data",
            Audience = "Senior managers",
            Date = new DateOnly(2026, 3, 2),
            Author = "Improvement lead",
            IncludePersonalData = includePersonalData,
            Sections =
            [
                new ReportSection("The problem in numbers",
                [
                    new KeyFigures(
                    [
                        new KeyFigure("Tickets in the log", f.Cases, Measure.Count("Tickets")),
                        new KeyFigure("Median throughput time", f.MedianDays, Measure.Duration("Median throughput time", TimeUnit.Days)),
                        new KeyFigure("Mean throughput time", f.MeanDays, Measure.Duration("Mean throughput time", TimeUnit.Days)),
                        new KeyFigure("Tickets with rework", f.ReworkShare, Measure.Percent("Rework", 1), Note: "a step done twice"),
                        new KeyFigure("Passengers satisfied", f.Satisfied.Value, Measure.Percent("Satisfied", 1), new ValueInterval(f.Satisfied.Value, f.Satisfied.Lower, f.Satisfied.Upper)),
                    ]),
                    new Paragraph($"The help desk closed {f.Cases:N0} tickets; half took longer than {throughputDays.Format(f.MedianDays)}. {Hostile}"),
                ]) { Message = $"Half of all tickets take longer than {throughputDays.Format(f.MedianDays)}" },
                new ReportSection("Where the time goes",
                [
                    new ChartBlock(new ParetoChart
                    {
                        Title = "Total waiting time before each step",
                        Value = Measure.Duration("Total waiting time", TimeUnit.Days, 0),
                        CategoryName = "Step",
                        MaxBars = 8,
                        Items = f.Steps.Where(s => s.WaitingTime.Count > 0).Select(s => new ParetoItem(s.Name, s.WaitingTime.Mean * s.WaitingTime.Count / 86400)).ToList(),
                    }),
                    new TableBlock(steps),
                    new Note("Waiting time runs from the end of the previous step to the start of this one."),
                ]) { Message = "Most waiting happens before two steps" },
                new ReportSection("How long tickets take",
                [
                    new ChartBlock(HistogramChart.FromValues("Throughput time of tickets", throughputDays, f.ThroughputDays, "Tickets", 25, f.P99Days)),
                ]),
                new ReportSection("What drives passenger satisfaction",
                [
                    new ChartBlock(new ImportancePerformanceChart
                    {
                        Title = "Importance and performance of service features",
                        Performance = Measure.Percent("Performance"),
                        Importance = Measure.Percent("Importance", 1),
                        PerformanceSplit = 0.5,
                        ImportanceSplit = 1.0 / f.Drivers.Count,
                        PerformanceRange = (0, 1),
                        Items = f.Drivers.Select(d => new GridItem(d.Item, d.Performance / 100, d.Importance)).ToList(),
                    }),
                    new ChartBlock(new BarChart
                    {
                        Title = "Top-2-box share by service feature",
                        Value = Measure.Percent("Top-2-box share"),
                        CategoryName = "Service feature",
                        Reference = 0.6,
                        Bars = f.TopTwo.Select(t => new Bar(t.Item, t.Estimate.Value, t.Estimate.Lower, t.Estimate.Upper)).ToList(),
                    }),
                    new TableBlock(drivers),
                ]) { Message = "Wifi and online boarding drive satisfaction most" },
                new ReportSection("Reviews over time",
                [
                    new ChartBlock(new ControlChartPlot
                    {
                        Title = "Reviewers who recommend, per quarter",
                        Value = Measure.Percent("Recommend", 1),
                        PeriodName = "Quarter",
                        Points = f.Recommend.Points.Select(p => new ControlChartPoint(p.Label, p.Value, p.Centre, p.Lower, p.Upper, p.Signals.Select(s => (int)s).ToList())).ToList(),
                    }),
                ]),
                new ReportSection("What customers said",
                [
                    new Quote($"Nobody called back. Reach me at {Email} or {Phone}.", "Response p_3f2a"),
                    new Quote("The agent was patient and fixed it in one call.", "Response p_91cc"),
                ]),
                new ReportSection("The options",
                [
                    new ChartBlock(new WaterfallChart
                    {
                        Title = "Cost-benefit of automating triage over three years",
                        Value = Measure.Money("Amount", "£"),
                        Steps = [new WaterfallStep("One-off cost", -25000), new WaterfallStep("Savings year 1", 12000), new WaterfallStep("Savings year 2", 12000), new WaterfallStep("Savings year 3", 12000), WaterfallStep.Total("Net benefit")],
                        Notes = ["Illustrative amounts."],
                    }),
                    new TableBlock(plan),
                    new BulletList(["Automate triage", "Publish wifi status", "Review the wait step"]),
                ]) { Message = "Automating triage pays back within three years" },
            ],
            Sources =
            [
                new DataSourceNote("helpdesk.xes.gz", $"{f.Cases:N0} cases, {f.Events:N0} events", f.HelpdeskSha256, "2026-03-01 by Improvement lead"),
                new DataSourceNote("airline_passenger_satisfaction_kaggle_test.csv", $"{f.Passengers:N0} responses", f.AirlineSha256),
            ],
        };
    }

    private static Facts Compute()
    {
        string helpdeskPath = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        var log = EventLogFile.Read(helpdeskPath).Log;
        var cases = CaseStatistics.Compute(log);
        var days = cases.ThroughputSeconds.Select(s => s / 86400).ToList();
        var sorted = days.Order().ToList();
        string airlinePath = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");
        var airline = FeedbackReader.Read(airlinePath, new FeedbackImportOptions { NotApplicableValues = ["0"] }).Table;
        var outcome = airline.Outcome!.Select(o => o is bool b ? (b ? 1.0 : 0.0) : double.NaN).ToArray();
        var analysis = KeyDrivers.Analyse(airline.Items, outcome, airline.OutcomeName!);
        int satisfied = airline.Outcome!.Count(o => o == true), answered = airline.Outcome!.Count(o => o is not null);
        var topTwo = airline.Items.Select(i =>
        {
            var v = i.Values.Where(x => !double.IsNaN(x)).ToList();
            return (i.Name, Proportions.Wilson(v.Count(x => i.Scale.IsTopBox(x)), v.Count));
        }).ToList();
        var ba = FeedbackReader.Read(SharedData.PathOf("surveys/BA_AirlineReviews.csv")).Table;
        var dated = Enumerable.Range(0, ba.Count).Where(i => ba.ResponseDates![i] is not null && ba.Outcome![i] is not null).ToList();
        var groups = dated.GroupBy(i => PeriodLabels.Of(ba.ResponseDates![i]!.Value, Period.Quarter)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var recommend = ControlCharts.PChart(groups.Select(g => g.Key).ToList(), groups.Select(g => g.Count(i => ba.Outcome![i] == true)).ToList(), groups.Select(g => g.Count()).ToList());
        return new Facts(
            cases.Cases.Count, log.EventCount, cases.Throughput.Median / 86400, cases.Throughput.Mean / 86400, (double)cases.ReworkCases / cases.Cases.Count,
            days, sorted[(int)(0.99 * (sorted.Count - 1))], ActivityStatistics.Compute(log),
            analysis.Drivers.Where(d => double.IsFinite(d.Importance)).ToList(), Proportions.Wilson(satisfied, answered),
            topTwo.Select(t => (t.Name, t.Item2)).ToList(), recommend, airline.Count,
            SharedData.Sha256(helpdeskPath), SharedData.Sha256(airlinePath));
    }

    internal sealed record Facts(
        int Cases, int Events, double MedianDays, double MeanDays, double ReworkShare, IReadOnlyList<double> ThroughputDays, double P99Days,
        IReadOnlyList<ActivityStatistics> Steps, IReadOnlyList<Driver> Drivers, Estimate Satisfied, IReadOnlyList<(string Item, Estimate Estimate)> TopTwo,
        ControlChart Recommend, int Passengers, string HelpdeskSha256, string AirlineSha256);
}

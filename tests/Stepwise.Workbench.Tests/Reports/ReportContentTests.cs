using System.Globalization;
using System.Xml.Linq;
using Stepwise.Charts;
using Stepwise.Mining.IO;
using Stepwise.Reports;
using Stepwise.Review.Monitoring;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// What the reports say, checked against figures worked out here from the reviews' own inputs and the log file: the
/// periods each chart and table covers, the board paper's count of KPIs against the rows it shows and why an interval
/// that leaves out zero is not a clear change, the service levels case by case, work past its due date, quotes never
/// credited to a group small enough to name its one member, and the drivers' grid numbered the same in chart and table.
/// </summary>
public sealed class ReportContentTests
{
    private static ReportDocument Document(HelpdeskReview r, string audience, string? team = null)
        => r.Bench.Reports.Document(r.Lead, r.Id, new ReportRequest { Audience = audience, Team = team });

    private static IEnumerable<T> Blocks<T>(ReportDocument doc) => doc.Sections.SelectMany(s => s.Blocks).OfType<T>();

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public void TeamLeaders_PlanKpiChart_StatesItsPeriods_AndSaysWhyItDisagreesWithTheVerdict()
    {
        var demo = DemoReview.Instance;
        var doc = Document(demo.R, "team-leaders", "Tia Teamlead");
        // The demo's KPI: baseline from 2012-01-01 to 2013-01-01 (the end exclusive), measured 2013-01-01 to 2013-07-01.
        var chart = Blocks<ChartBlock>(doc).Select(c => c.Chart).OfType<TrendChart>().Single(c => c.Title.StartsWith("Tickets reworked: baseline", StringComparison.Ordinal));
        Assert.Equal(["Baseline 2012-01-01 to 2012-12-31", "2013-01-01 to 2013-06-30"], chart.Periods);

        // Which way each comparison goes, from the stored values: the plan's baseline and measurement, and the run's
        // before and after the change.
        var kpi = demo.R.Bench.Workspace.Find<MonitoringPlan>(demo.R.Id, demo.R.Id)!.Value.Kpis.Single(k => k.Name == "Tickets reworked");
        bool chartRises = kpi.Measurements[^1].Value > kpi.Baseline!.Value;
        var outcome = demo.Run.Kpis.Single(k => k.PlanKpi == "Tickets reworked");
        bool verdictRises = outcome.After > outcome.Before;
        Assert.NotEqual(chartRises, verdictRises);
        var notes = Blocks<Note>(doc).Select(n => n.Text).ToList();
        Assert.Contains(notes, n => n.Contains($"Tickets reworked {(chartRises ? "rose" : "fell")} from the baseline to the latest measurement, but {(verdictRises ? "rose" : "fell")} across the change", StringComparison.Ordinal)
            && n.Contains("(2012-01-01 to 2012-12-31:", StringComparison.Ordinal)
            && n.Contains("(2013-01-01 to 2013-06-30:", StringComparison.Ordinal));

        // Every chart and table names its period: a date in its title, subtitle, periods or caption.
        static bool Dated(string? text) => text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, @"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}");
        foreach (var c in Blocks<ChartBlock>(doc).Select(b => b.Chart))
        {
            Assert.True(Dated(c.Title) || Dated(c.Subtitle) || c is TrendChart t && t.Periods.Any(Dated) || c is ControlChartPlot, $"chart '{c.Title}' states no period");
        }

        foreach (var t in Blocks<TableBlock>(doc).Select(b => b.Table).Where(t => !t.Caption.StartsWith("Questions", StringComparison.Ordinal)))
        {
            Assert.True(Dated(t.Caption), $"table '{t.Caption}' states no period");
        }
    }

    [Fact]
    public void SeniorManagers_HeadlineCountsWhatItMeasured_TheTableSaysHowManyItShows_AndAnIntervalWithoutZeroIsExplained()
    {
        var demo = DemoReview.Instance;
        var doc = Document(demo.R, "senior-managers");
        var section = doc.Sections.Single(s => s.Heading == "Did the change work?");
        var table = section.Blocks.OfType<TableBlock>().Single().Table;
        var run = demo.Run;
        int measured = run.Kpis.Count(k => k.Verdict != ChangeVerdict.NotMeasured);
        Assert.StartsWith($"Of the {measured} KPIs measured", section.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{table.Rows.Count} of {run.Kpis.Count} KPIs", table.Caption, StringComparison.Ordinal);
        // Every KPI the headline names is a row of the table.
        foreach (var named in run.Kpis.Where(k => section.Message!.Contains(k.Name.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            Assert.Contains(table.Rows, r => r[0].Text == named.Name);
        }

        // A KPI whose interval leaves out zero though the verdict is no clear change (the allowance for the KPIs tested
        // together): its verdict and the note say so in words.
        var apart = run.Kpis.Where(k => k.Verdict is ChangeVerdict.NoDetectableChange or ChangeVerdict.Undecided && (k.Low > 0 || k.High < 0)).ToList();
        Assert.NotEmpty(apart);
        foreach (var k in apart.Where(k => table.Rows.Any(r => r[0].Text == k.Name)))
        {
            var row = table.Rows.Single(r => r[0].Text == k.Name);
            Assert.StartsWith($"not clear allowing for {run.Tested} KPIs", row[4].Text, StringComparison.Ordinal);
            Assert.DoesNotContain("no detectable change", row[4].Text, StringComparison.Ordinal);
            Assert.Contains(section.Blocks.OfType<Note>(), n => n.Text.Contains($"{k.Name}: its interval leaves out zero on its own, but not once we allow for testing {run.Tested} KPIs at once", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Partners_EachRuleHasItsOwnShareOfCases_AndTheCasesWithinEveryRuleAreOfTheCasesInScope()
    {
        var r = ReportedReview.Instance.R;
        var doc = Document(r, "partners");
        var section = doc.Sections.Single(s => s.Heading == "Service levels and breaches");
        var table = section.Blocks.OfType<TableBlock>().Single().Table;

        // The 7-day rule counted here from the file: of the cases in scope (ending with Closed) that were resolved, those
        // closed within 7 days of their last resolution.
        var log = EventLogFile.Read(HelpdeskReview.Log).Log;
        int resolve = log.ActivityNames.IdOf("Resolve ticket"), closed = log.ActivityNames.IdOf("Closed");
        var activities = log.Activities;
        var times = log.Times;
        int decided = 0, within = 0, inScope = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (activities[log.CaseEnd(c) - 1] != closed)
            {
                continue;
            }

            inScope++;
            long lastResolve = long.MinValue, close = long.MaxValue;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                lastResolve = activities[e] == resolve ? times[e] : lastResolve;
            }

            if (lastResolve == long.MinValue)
            {
                continue;
            }

            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                close = activities[e] == closed && times[e] >= lastResolve ? Math.Min(close, times[e]) : close;
            }

            decided++;
            within += close - lastResolve <= TimeSpan.FromDays(7).Ticks ? 1 : 0;
        }

        var row = table.Rows.Single(x => x[1].Text!.Contains("within 7 days of resolution", StringComparison.Ordinal));
        Assert.Equal(decided, row[2].Number);
        Assert.Equal(decided - within, row[3].Number);
        Assert.Equal(within / (double)decided, row[4].Number, 12);

        // Cases within every rule: no more than keep the 7-day rule (it applies to every case in scope here), of the
        // cases in scope, and never the old share of rule-and-case pairs.
        Assert.Equal(inScope, decided);
        var figure = section.Blocks.OfType<KeyFigures>().Single().Figures.Single();
        Assert.True(figure.Value <= within / (double)inScope, $"{figure.Value} of cases within every rule, more than the {within} of {inScope} within the 7-day rule");
        Assert.Contains($"of the {inScope.ToString("N0", CultureInfo.InvariantCulture)} cases in scope", figure.Note, StringComparison.Ordinal);
        Assert.Contains($"of the {inScope.ToString("N0", CultureInfo.InvariantCulture)} cases in scope keep every rule", section.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(table.Columns, c => c.Header.Contains("Cases within the rules", StringComparison.Ordinal));
    }

    [Fact]
    public void Tasks_PastTheirDueDateAndNotDone_AreFlaggedWithTheirDaysOverdue_InEveryAudienceThatListsThem()
    {
        // The review's tasks: one done, one due 30 April 2026 and not done, and one added here due 13 February 2026.
        var r = ReportedReview.Fresh().R;
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new Planning.TaskRequest { Title = "Agree the reply rule", Owner = "Sam Sponsor", Start = "2026-01-05", Due = "2026-02-13" });
        // The report's date: the day of the review's last recorded change.
        var date = DateOnly.FromDateTime(r.Bench.Workspace.History(r.Id).Where(h => h.Action != Review.History.HistoryAction.Reported).Max(h => h.At).UtcDateTime);
        int days = date.DayNumber - new DateOnly(2026, 2, 13).DayNumber;
        Assert.True(days > 0 && date < new DateOnly(2026, 4, 30), $"the test needs the report's date between 13 February and 30 April 2026, not {date}");
        string late = $"'Agree the reply rule' (due 13 February 2026, {days.ToString("N0", CultureInfo.InvariantCulture)} days overdue)";
        foreach (var audience in new[] { "team-leaders", "front-line-staff", "analysts" })
        {
            var doc = Document(r, audience);
            Assert.Equal(date, doc.Date);
            var warning = Assert.Single(Blocks<Note>(doc), n => n.IsWarning && n.Text.StartsWith($"Overdue as at {Day(date)}", StringComparison.Ordinal));
            Assert.Contains(late, warning.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Replace Wait with a reminder", warning.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Brief the support lines", warning.Text, StringComparison.Ordinal);
            var plan = Blocks<TableBlock>(doc).Select(t => t.Table).Single(t => t.Caption.StartsWith("Plan tasks", StringComparison.Ordinal));
            int column = plan.Columns.ToList().FindIndex(c => c.Header.StartsWith("Days overdue at " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal));
            Assert.True(column >= 0, audience);
            Assert.Equal(days, plan.Rows.Single(x => x[0].Text == "Agree the reply rule")[column].Number);
            Assert.Equal(TableCellKind.Empty, plan.Rows.Single(x => x[0].Text == "Replace Wait with a reminder")[column].Kind);
            Assert.Equal(TableCellKind.Empty, plan.Rows.Single(x => x[0].Text == "Brief the support lines")[column].Kind);
        }

        var senior = Document(r, "senior-managers");
        Assert.Contains(Blocks<BulletList>(senior).SelectMany(b => b.Items), i => i == $"Overdue: 'Agree the reply rule', {days.ToString("N0", CultureInfo.InvariantCulture)} days past its due date.");
    }

    [Fact]
    public void QualityActions_PastTheirDueDate_AreFlagged_ForTheBoardTeamsFrontLineAndPartners()
    {
        var (b, admin, id) = QualityReportTests.Build();
        var date = DateOnly.FromDateTime(b.Workspace.History(id).Max(h => h.At).UtcDateTime);
        int days = date.DayNumber - new DateOnly(2024, 9, 30).DayNumber;
        string late = $"'Simplify the wifi log-in' (due 30 September 2024, {days.ToString("N0", CultureInfo.InvariantCulture)} days overdue)";
        foreach (var audience in new[] { "senior-managers", "team-leaders", "front-line-staff", "analysts" })
        {
            var doc = b.Reports.Document(admin, id, new ReportRequest { Audience = audience });
            Assert.Contains(Blocks<Note>(doc), n => n.IsWarning && n.Text.StartsWith($"Overdue as at {Day(date)}", StringComparison.Ordinal) && n.Text.Contains(late, StringComparison.Ordinal));
        }

        var partners = b.Reports.Document(admin, id, new ReportRequest { Audience = "partners", Partner = "Inflight wifi provider" });
        Assert.Contains(Blocks<BulletList>(partners).SelectMany(l => l.Items), i => i.Contains($"not started, {days.ToString("N0", CultureInfo.InvariantCulture)} days overdue as at {Day(date)}", StringComparison.Ordinal));
    }

    [Fact]
    public void FrontLine_QuoteOfTheOneTeamLeader_CreditedToAColleague_AndOfAGroupOfThree_ToTheGroup()
    {
        // One team leader among the stakeholders (Tia, who answered): the group would name her.
        var one = ReportedReview.Instance.R;
        var quotes = Blocks<Quote>(Document(one, "front-line-staff")).Select(q => q.Attribution).ToList();
        Assert.Contains("a colleague, on 'Wait'", quotes);
        Assert.DoesNotContain(quotes, q => q!.Contains("team leader", StringComparison.Ordinal));

        // Three team leaders: the quote may name the group.
        var three = new HelpdeskReview().Challenge();
        foreach (var name in new[] { "Una Teamlead", "Vic Teamlead" })
        {
            three.Bench.Reviews.SaveStakeholder(three.Lead, three.Id, new NewStakeholder { Name = name, Group = "team-leaders", Role = "consulted" });
        }

        var asked = three.Bench.Steps.Ask(three.Lead, three.Id, new NewQuestion { Step = "Wait", Text = "Why do tickets wait?", AskedOf = ["Tia Teamlead"] });
        three.Bench.Steps.Answer(three.Tia, three.Id, new AnswerRequest { Question = asked.Value.Id.ToString("D"), Text = "Nobody chases the customer." });
        Assert.Contains("one of the team leaders, on 'Wait'", Blocks<Quote>(Document(three, "front-line-staff")).Select(q => q.Attribution));
    }

    [Fact]
    public void DriversGrid_EveryFeatureNumberedTheSameInTheChartAtEverySizeAndInTheTable()
    {
        var (b, admin, id) = QualityReportTests.Build();
        var doc = b.Reports.Document(admin, id, new ReportRequest { Audience = "senior-managers" });
        var section = doc.Sections.Single(s => s.Heading == "What drives satisfaction");
        var chart = (ImportancePerformanceChart)section.Blocks.OfType<ChartBlock>().Single().Chart;
        var table = section.Blocks.OfType<TableBlock>().Single().Table;
        var drivers = b.Quality.Show(admin, id).Analyses.Single().Value.Drivers;

        // The numbers worked here: by importance, the largest first.
        var byImportance = drivers.OrderByDescending(d => d.Importance).ThenBy(d => d.Item, StringComparer.Ordinal).Select(d => d.Item).ToList();
        Assert.Equal(byImportance, table.Rows.Select(r => r[1].Text));
        Assert.Equal(Enumerable.Range(1, drivers.Count).Select(n => (double)n), table.Rows.Select(r => r[0].Number));

        // The HTML's chart (A4) and the board paper's PDF chart (640 x 180): each point's text starts with its number.
        foreach (var size in new[] { ChartSize.A4, new ChartSize(640, 180, 11), ChartSize.Slide })
        {
            var svg = XDocument.Parse(chart.Render(size, "drivers").Svg);
            var points = svg.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "item").ToList();
            Assert.Equal(drivers.Count, points.Count);
            foreach (var point in points)
            {
                string title = point.Elements().Single(e => e.Name.LocalName == "title").Value;
                string text = point.Elements().Single(e => e.Name.LocalName == "text").Value;
                string number = text.Split(' ')[0];
                var row = table.Rows.Single(r => r[0].Number.ToString(CultureInfo.InvariantCulture) == number);
                Assert.StartsWith($"{number} {row[1].Text}:", title, StringComparison.Ordinal);
            }
        }
    }
}

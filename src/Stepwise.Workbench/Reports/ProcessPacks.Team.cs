using Stepwise.Charts;
using Stepwise.Review.People;
using Stepwise.Review.Steps;
using Stepwise.Reports;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

internal static partial class ProcessPacks
{
    /// <summary>
    /// Team leaders: the scorecard of the team's steps, the questions put to the team, its plan tasks and dates, and
    /// the satisfaction measured at its steps with intervals and the monitored trend.
    /// </summary>
    public static ReportDocument TeamLeaders(ProcessFacts f, string? team)
    {
        var c = f.Contents;
        var (steps, people) = TeamOf(f, team);
        string who = team ?? "all teams";
        var stepIds = steps.Select(s => s.Step.Value.Id).ToHashSet();
        var stepNames = steps.Select(s => s.Step.Value.Name).ToHashSet(StringComparer.Ordinal);
        var sections = new List<ReportSection> { Scorecard(f, steps) };

        var questions = c.Questions.Where(q => team is null || stepIds.Contains(q.Question.Value.StepId) || q.AskedOf.Any(people.Contains)).ToList();
        var qRows = questions.Select(q => (IReadOnlyList<TableCell>)[
            q.Step,
            q.Question.Value.Text,
            q.AskedOf.Count == 0 ? "anyone" : string.Join(", ", q.AskedOf),
            q.Answers.Count,
            q.Answers.Count == 0 ? "not answered yet" : f.Context.Clean(q.Answers[^1].Text),
        ]).ToList();
        int open = questions.Count(q => q.Answers.Count == 0);
        sections.Add(new ReportSection("Questions for the team", [new TableBlock(new ReportTable("Questions about the team's steps or put to the team",
            [TableColumn.Text("Step"), TableColumn.Comment("Question"), TableColumn.Text("Asked of"), TableColumn.Count("Answers"), TableColumn.Comment("Latest answer")], qRows))])
        {
            Message = questions.Count == 0 ? "No questions are open for the team." : $"{Counted.Of(questions.Count, "question", "questions")}; {open} still {Counted.Verb(open, "needs", "need")} an answer.",
        });

        var tasks = c.Tasks.Where(t => team is null || people.Contains(t.Task.Owner) || t.Raci.Any(r => people.Any(p => r.EndsWith(": " + p, StringComparison.Ordinal)))).ToList();
        sections.Add(new ReportSection("Plan tasks and dates", PlanBlocks(f.Context, tasks))
        {
            Message = tasks.Count == 0 ? "No plan tasks involve the team yet." : (tasks.Count == 1 ? $"1 task, due {Day(tasks[0].Task.Due)}" : $"{tasks.Count} tasks, the last due {Day(tasks.Max(t => t.Task.Due))}") + OverdueCount(f.Context, tasks) + ".",
        });

        sections.Add(Satisfaction(f, steps));
        if (DidItWork(f, brief: false) is { } worked)
        {
            sections.Add(worked);
        }

        if (ByTeamMap(f) is { } map)
        {
            sections.Add(map);
        }

        return f.Context.Document($"{c.Review.Title}: briefing for team leaders", "Team leaders: " + who, sections, f.Sources());
    }

    /// <summary>The team's steps and people: steps whose lane or owner is the team, or about which a question was put to
    /// the team's stakeholder; people are the stakeholders named like the team. All steps without a team.</summary>
    private static (IReadOnlyList<StepLine> Steps, HashSet<string> People) TeamOf(ProcessFacts f, string? team)
    {
        var c = f.Contents;
        if (team is null)
        {
            return (c.Steps, [.. c.Stakeholders.Select(s => s.Stakeholder.Value.Name)]);
        }

        var people = c.Stakeholders.Select(s => s.Stakeholder.Value)
            .Where(s => Same(s.Name, team) || Same(s.Position, team) || Same(s.Id.ToString("D"), team))
            .Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        people.Add(team);
        var asked = c.Questions.Where(q => q.AskedOf.Any(people.Contains)).Select(q => q.Question.Value.StepId).ToHashSet();
        var steps = c.Steps.Where(s => Same(s.Step.Value.Lane, team) || Same(s.Step.Value.Owner, team) || people.Contains(s.Step.Value.Owner ?? "") || asked.Contains(s.Step.Value.Id)).ToList();
        if (steps.Count == 0 && !c.Tasks.Any(t => people.Contains(t.Task.Owner)))
        {
            var known = c.Steps.SelectMany(s => new[] { s.Step.Value.Lane, s.Step.Value.Owner }).Concat(c.Stakeholders.Where(s => s.Stakeholder.Value.Group == StakeholderGroup.TeamLeaders).Select(s => (string?)s.Stakeholder.Value.Name))
                .Where(x => !string.IsNullOrWhiteSpace(x)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            throw StepwiseException.Invalid("team", known.Count == 0
                ? $"no step, question or task of this review belongs to '{team}', and its steps name no lanes or owners."
                : $"no step, question or task of this review belongs to '{team}'; teams named in the review: {string.Join(", ", known)}.");
        }

        return (steps, people);
    }

    /// <summary>The attributes a map by team is drawn by, the first the log has (never people's names).</summary>
    private static readonly string[] TeamAttributes = ["org:group", "workgroup", "assignment_group", "support_section", "org:role"];

    /// <summary>
    /// The process by team: the steps that make up 95% of the work and the paths that carry 80% of it, in lanes of the
    /// teams that do them (the first team attribute the log has), drawn for an A4 page in the PDF and HTML report and,
    /// in the deck, for slides: on one slide where it prints at 12 pt there, else in parts of consecutive steps, a slide
    /// each, every part saying which part it is and where its paths go on. Null without a log or a team attribute.
    /// </summary>
    private static ReportSection? ByTeamMap(ProcessFacts f)
    {
        if (f.Summary?.Result is not { } summary)
        {
            return null;
        }

        var attributes = summary.EventAttributes.Select(a => a.LastIndexOf(" (", StringComparison.Ordinal) is var i and > 0 ? a[..i] : a).ToHashSet(StringComparer.Ordinal);
        if (TeamAttributes.FirstOrDefault(attributes.Contains) is not { } by)
        {
            return null;
        }

        string title = $"The process by {by}";
        var page = f.Map(new MapRequest { Activities = 95, Paths = 80, Lanes = by, Fit = "a4", Title = title }).Result;
        var slides = Maps.Rendering.MapSlides.Of(page.Map, page.Drawing.Style with { Title = title });
        var parts = slides.Parts.Select(p => new PictureBlock(Maps.Rendering.SvgMap.Render(p.Drawing),
            p.Of == 1 ? title : $"{title}, part {p.Number} of {p.Of}",
            p.Drawing.Description + (p.Of == 1 ? string.Empty
                : $" Part {p.Number} of {p.Of}: steps {string.Join(", ", p.Steps)}."
                  + (p.ComesFrom.Count == 0 ? string.Empty : $" Comes from: {string.Join("; ", p.ComesFrom)}.")
                  + (p.GoesOn.Count == 0 ? string.Empty : $" Goes on: {string.Join("; ", p.GoesOn)}.")
                  + (p.Number == 1 ? $" The whole map: {string.Join(" ", slides.Caption)}" : string.Empty)))).ToList();
        var map = page.Map;
        var lanes = map.Lanes.Select(l => l.Name).ToList();
        int steps = map.Nodes.Where(n => n.Kind == Maps.Mapping.MapNodeKind.Activity).Select(n => n.Step).Distinct().Count();
        return new ReportSection(title, [new PictureBlock(page.Svg, title, page.Drawing.Description) { SlideParts = parts }])
        {
            Message = $"{Counted.Of(steps, "step", "steps")} in the lanes of {Counted.Of(lanes.Count, "team", "teams")} ({string.Join(", ", lanes)})"
                + (slides.Parts.Count > 1 ? $"; on {slides.Parts.Count} slides in the deck, in the order of the flow." : "."),
        };
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The step scorecard: volume, rework, waiting and handling, cost, satisfaction gap, compliance. Waits are shown in
    /// one unit for the chart and the column, chosen so that no wait reads 0.0 (see <see cref="WaitUnit"/>); a log
    /// without start times has no handling column, and the note says so once, and says what the waits are measured
    /// between (the same definition as the Analyse page).
    /// </summary>
    internal static ReportSection Scorecard(ProcessFacts f, IReadOnlyList<StepLine> steps)
    {
        var rows = new List<IReadOnlyList<TableCell>>();
        var bars = new List<Bar>();
        var waits = steps.Select(f.Statistics).Where(s => s is { WaitingTime.Count: > 0 }).Select(s => s!.WaitingTime.Median).ToList();
        var unit = WaitUnit(waits);
        // Handling needs start times: a log of completions alone (or one whose steps carry none) has no handling column.
        bool handling = f.Summary?.Result is { HasStartTimes: false } ? false : steps.Any(st => f.Statistics(st) is { ServiceTime.Count: > 0 });
        foreach (var st in steps)
        {
            var stats = f.Statistics(st);
            var row = new List<TableCell>
            {
                st.Step.Value.Name,
                Words(st.Step.Value.Value.ToString()),
                stats is null ? TableCell.Empty : stats.Events,
                stats is null ? TableCell.Empty : stats.Cases,
                stats is null || stats.Cases == 0 ? TableCell.Empty : stats.CasesWithReturns / (double)stats.Cases,
                stats is { WaitingTime.Count: > 0 } ? stats.WaitingTime.Median : TableCell.Empty,
            };
            if (handling)
            {
                row.Add(stats is { ServiceTime.Count: > 0 } ? stats.ServiceTime.Median : TableCell.Empty);
            }

            row.Add(ProcessFacts.Measure(st, AssessmentAspect.Cost, "total_cost"));
            row.Add(ProcessFacts.Measure(st, AssessmentAspect.CustomerSatisfaction, "gap"));
            row.Add(ProcessFacts.Measure(st, AssessmentAspect.Compliance, "violating_cases"));
            rows.Add(row);
            if (stats is { WaitingTime.Count: > 0 })
            {
                bars.Add(new Bar(st.Step.Value.Name, TimeUnits.FromSeconds(stats.WaitingTime.Median, unit)));
            }
        }

        var columns = new List<TableColumn>
        {
            TableColumn.Text("Step"), TableColumn.Text("Value"), TableColumn.Count("Times done"), TableColumn.Count("Cases"),
            TableColumn.Percent("Cases coming back to it", 1), TableColumn.Duration("Waiting before, median", unit),
        };
        if (handling)
        {
            columns.Add(TableColumn.Duration("Handling, median", TimeUnit.Hours, 2));
        }

        columns.AddRange([TableColumn.Money("Cost", f.Currency), TableColumn.Number("Satisfaction gap", 2, "points"), TableColumn.Count("Cases breaching its rules")]);
        var table = new ReportTable($"Step scorecard ({f.Period})", columns, rows);
        var blocks = new List<ReportBlock>();
        string message = $"{Counted.Of(steps.Count, "step", "steps")}.";
        if (bars.Count > 0)
        {
            blocks.Add(new ChartBlock(new BarChart
            {
                Title = "Waiting before each step",
                Subtitle = $"{WaitDefinition(handling)}; {f.Period}",
                Value = Charts.Measure.Duration("Waiting, median", unit),
                Bars = bars,
                CategoryName = "Step",
            }));
            var worst = bars.MaxBy(b => b.Value)!;
            // In the unit that suits the longest wait itself (7.4 d, not 10,603.5 min).
            message = $"Work waits longest before '{worst.Label}': {Duration(worst.Value * TimeUnits.Seconds(unit))} (median).";
        }

        blocks.Add(new TableBlock(table));
        blocks.Add(new Note((handling ? string.Empty
                : "This log records only when each step was completed, not when work on it started, so handling time is not measured (no handling column); "
                  + "the waiting before a step is counted from the completion of the case's previous step to this one's completion. ")
            + "Satisfaction gap: the difference in mean score between cases through the step and the others, adjusted for the other steps (negative: the step goes with lower scores). "
            + "Cases breaching its rules: cases that broke at least one service-level rule checked at the step. Empty cells: not measured."));
        return new ReportSection("The steps and how they perform", blocks) { Message = message };
    }

    /// <summary>What a wait before a step runs between: from the previous step's end to this step's start where the log
    /// records start times, else from completion to completion (as the Analyse page says).</summary>
    internal static string WaitDefinition(bool startTimes) => startTimes
        ? "Median time from the previous step's end to this step's start"
        : "Median time from the completion of the case's previous step to this step's completion (the log records no start times)";

    /// <summary>
    /// The unit of a column of waits: the one that suits the longest (hours under 3 days, else days), or a smaller one
    /// (down to minutes) while a shorter wait above zero would read 0.0 in it.
    /// </summary>
    internal static TimeUnit WaitUnit(IReadOnlyCollection<double> seconds)
    {
        var unit = UnitFor(seconds.Count == 0 ? 0 : seconds.Max());
        double least = double.PositiveInfinity;
        foreach (double s in seconds)
        {
            if (s > 0 && s < least)
            {
                least = s;
            }
        }

        while (unit != TimeUnit.Minutes && double.IsFinite(least) && TimeUnits.FromSeconds(least, unit) < 0.05)
        {
            unit = unit == TimeUnit.Days ? TimeUnit.Hours : TimeUnit.Minutes;
        }

        return unit;
    }

    /// <summary>The plan's tasks by due date, with the days each task not done is past its due date on the report's
    /// date, and a warning naming those overdue.</summary>
    internal static IReadOnlyList<ReportBlock> PlanBlocks(ReportContext x, IReadOnlyList<TaskLine> tasks)
    {
        var blocks = new List<ReportBlock>
        {
            new TableBlock(new ReportTable($"Plan tasks ({x.AsAt})", [TableColumn.Text("Task"), TableColumn.Text("Owner"), TableColumn.Date("Start"), TableColumn.Date("Due"), TableColumn.Text("Status"), TableColumn.Count(x.OverdueHeading), TableColumn.Text("Waits for")],
                [.. tasks.OrderBy(t => t.Task.Due).Select(t => (IReadOnlyList<TableCell>)[
                    t.Task.Title, t.Task.Owner, t.Task.Start is { } s ? TableCell.Of(s) : TableCell.Empty, t.Task.Due, Words(t.Task.Status.ToString()), x.OverdueCell(t.Task.Due, t.Task.Status), string.Join("; ", t.DependsOn)])])),
        };
        if (x.OverdueNote(tasks.Select(t => (t.Task.Title, t.Task.Due, t.Task.Status)), "task is", "tasks are") is { } late)
        {
            blocks.Add(late);
        }

        return blocks;
    }

    /// <summary>"; 1 overdue" when tasks not done are past their due date on the report's date.</summary>
    internal static string OverdueCount(ReportContext x, IReadOnlyList<TaskLine> tasks)
        => x.Overdue(tasks.Select(t => (t.Task.Due, t.Task.Status))) is > 0 and var late ? $"; {late} overdue {x.AsAt}" : string.Empty;

    /// <summary>An enum name in words: <c>NotStarted</c> → "not started".</summary>
    internal static string Words(string name) => Validation.Kebab(name).Replace('-', ' ');

    /// <summary>Satisfaction at the steps, with intervals, and the trend of the monitored KPIs.</summary>
    private static ReportSection Satisfaction(ProcessFacts f, IReadOnlyList<StepLine> steps)
    {
        var blocks = new List<ReportBlock>();
        var scored = steps.Where(s => double.IsFinite(ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "mean_with"))).ToList();
        string message = "No survey is linked to these steps yet.";
        if (scored.Count > 0)
        {
            blocks.Add(new ChartBlock(new BarChart
            {
                Title = "Satisfaction gap at each step",
                Subtitle = $"Mean score of cases through the step minus the others, adjusted; 95% interval; scored {f.Period}",
                Value = Charts.Measure.Number("Satisfaction gap", "points", 2),
                Bars = [.. scored.Select(s => new Bar(s.Step.Value.Name,
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "gap"),
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "gap_lower"),
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "gap_upper")))],
                CategoryName = "Step",
                Reference = 0,
                ReferenceName = "No gap",
            }));
            blocks.Add(new TableBlock(new ReportTable($"Survey scores of cases through each step (scored {f.Period})", [
                TableColumn.Text("Step"), TableColumn.Number("Mean score, through the step", 2), TableColumn.Number("Mean score, other cases", 2),
                TableColumn.Count("Scored cases through it"), TableColumn.Number("Gap", 2, "points"), TableColumn.Number("Gap, lower 95%", 2, "points"), TableColumn.Number("Gap, upper 95%", 2, "points")],
                [.. scored.Select(s => (IReadOnlyList<TableCell>)[
                    s.Step.Value.Name,
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "mean_with"),
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "mean_without"),
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "cases_with"),
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "gap"),
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "gap_lower"),
                    ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "gap_upper")])])));
            // The message follows the adjusted gap and its interval, never the raw means alone.
            var worst = scored.MinBy(s => ProcessFacts.Measure(s, AssessmentAspect.CustomerSatisfaction, "gap"))!;
            double gap = ProcessFacts.Measure(worst, AssessmentAspect.CustomerSatisfaction, "gap");
            message = ProcessFacts.Measure(worst, AssessmentAspect.CustomerSatisfaction, "gap_upper") < 0
                ? $"Customers whose case went through '{worst.Step.Value.Name}' score {N(-gap, 2)} points lower, once the other steps are allowed for."
                : $"No step here shows a clear satisfaction gap once the other steps are allowed for: every 95% interval includes no gap.";
        }

        if (f.Contents.Monitoring?.Value.Kpis is { Count: > 0 } kpis)
        {
            foreach (var kpi in kpis.Where(k => k.Measurements.Count > 0 && k.Baseline is not null))
            {
                string baselineSpan = Measured(kpi.Baseline!);
                var points = new List<(string Label, double Value)> { ($"Baseline {baselineSpan}", kpi.Baseline!.Value) };
                points.AddRange(kpi.Measurements.OrderBy(m => m.At).Select(m => (Measured(m), m.Value)));
                var measure = KpiMeasure(kpi);
                blocks.Add(new ChartBlock(new TrendChart
                {
                    Title = $"{kpi.Name}: baseline and measurements",
                    Subtitle = kpi.Definition is { Length: > 0 } definition ? $"{definition}; each value over the period under it" : "Each value over the period under it",
                    Value = measure.Measure,
                    Periods = [.. points.Select(p => p.Label)],
                    Series = [new TrendSeries(kpi.Name, [.. points.Select(p => p.Value * measure.Factor)])],
                    PeriodName = "Period measured",
                    Target = kpi.Target is { } t ? t * measure.Factor : double.NaN,
                }));
                if (OtherPeriods(f, kpi, baselineSpan, points[^1].Label, measure) is { } note)
                {
                    blocks.Add(note);
                }
            }
        }

        if (blocks.Count == 0)
        {
            blocks.Add(new Paragraph("The review holds no survey results for these steps and no monitored measurements yet."));
        }

        return new ReportSection("What customers say, and the trend", blocks) { Message = message };
    }

    /// <summary>
    /// When the change was monitored, the plan KPI's chart and the verdict of "Did the change work?" compare different
    /// periods (the plan's baseline against its measurements; the cases before the change against those after it) and
    /// can point different ways: the note says which periods each compares, and says so plainly when they disagree.
    /// </summary>
    private static Note? OtherPeriods(ProcessFacts f, Review.Monitoring.Kpi kpi, string baselineSpan, string latestSpan, (Measure Measure, double Factor) measure)
    {
        if (f.MonitoringRun?.Value is not { } run || run.Kpis.FirstOrDefault(k => k.PlanKpi == kpi.Name) is not { Difference: { } difference } outcome)
        {
            return null;
        }

        double baseline = kpi.Baseline!.Value, latest = kpi.Measurements.OrderBy(m => m.At).Last().Value;
        string since = run.ChangeDate is { } d ? $" on {Day(d)}" : string.Empty;
        string chart = $"This chart compares the plan's baseline ({baselineSpan}: {measure.Measure.Format(baseline * measure.Factor)}) with its latest measurement ({latestSpan}: {measure.Measure.Format(latest * measure.Factor)}). "
            + $"'Did the change work?' compares the cases that started before the change{since} ({Period(run.Before)}: {InPlanUnit(outcome.Before, outcome, kpi, measure)}) with those that started after it ({Period(run.After)}: {InPlanUnit(outcome.After, outcome, kpi, measure)}).";
        int chartWay = Math.Sign(latest - baseline), verdictWay = Math.Sign(difference);
        string differ = chartWay != 0 && verdictWay != 0 && chartWay != verdictWay
            ? $" The periods differ, so the two disagree: {kpi.Name} {(chartWay > 0 ? "rose" : "fell")} from the baseline to the latest measurement, but {(verdictWay > 0 ? "rose" : "fell")} across the change. Both are right for their periods; whether the change worked is judged on the cases before and after it."
            : " The periods differ, so the two need not agree.";
        return new Note(chart + differ);
    }

    /// <summary>A monitored value written as the plan KPI's chart writes its values (912.2 h beside 912.2 h, not 38.0 d),
    /// from the monitoring's base unit (seconds, shares); in the monitoring's own words when the units do not match.</summary>
    private static string InPlanUnit(double? value, Review.Monitoring.KpiOutcome outcome, Review.Monitoring.Kpi kpi, (Measure Measure, double Factor) measure)
    {
        if (value is not { } v)
        {
            return "–";
        }

        double? plan = (outcome.Unit, kpi.Unit.Trim().ToLowerInvariant()) switch
        {
            ("seconds", "hours" or "h") => v / 3600,
            ("seconds", "days" or "d") => v / 86_400,
            ("seconds", "seconds" or "s") => v,
            ("share", "share" or "fraction" or "ratio" or "proportion") => v,
            ("share", "%" or "percent") => v * 100,
            _ when outcome.Unit != "seconds" && outcome.Unit != "share" => v,
            _ => null,
        };
        return plan is { } p ? measure.Measure.Format(p * measure.Factor) : Shown(v, outcome);
    }

    /// <summary>The period a measurement covers ("2013-01-01 to 2013-06-30"), or its date when it has no start.</summary>
    private static string Measured(Review.Monitoring.Measurement m) => m.From is { } start ? Span(start, m.At) : $"to {m.At.UtcDateTime:yyyy-MM-dd}";

    /// <summary>The measure of a monitored KPI from its unit (hours, shares, scores...).</summary>
    internal static (Measure Measure, double Factor) KpiMeasure(Review.Monitoring.Kpi kpi)
    {
        string unit = kpi.Unit.Trim().ToLowerInvariant();
        return unit switch
        {
            "share" or "fraction" or "ratio" or "proportion" => (Charts.Measure.Percent(kpi.Name, 1), 1),
            "%" or "percent" => (Charts.Measure.Percent(kpi.Name, 1), 0.01),
            "hours" or "h" => (Charts.Measure.Duration(kpi.Name, TimeUnit.Hours), 1),
            "days" or "d" => (Charts.Measure.Duration(kpi.Name, TimeUnit.Days), 1),
            "seconds" or "s" => (Charts.Measure.Duration(kpi.Name, TimeUnit.Hours), 1 / 3600.0),
            _ => (Charts.Measure.Number(kpi.Name, kpi.Unit, 2), 1),
        };
    }
}

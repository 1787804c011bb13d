using Stepwise.Charts;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Steps;
using Stepwise.Reports;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

/// <summary>The packs of a process review, one method per audience.</summary>
internal static partial class ProcessPacks
{
    /// <summary>
    /// Senior managers, two pages at most: the problem in numbers, the options compared with their intervals, the
    /// decision matrix, cost-benefit (NPV and payback with their intervals), the main risks, and the recommendation with
    /// the decision asked for.
    /// </summary>
    public static ReportDocument SeniorManagers(ProcessFacts f)
    {
        var c = f.Contents;
        var sections = new List<ReportSection> { Problem(f) };
        var options = c.Options.Where(o => o.Option.Value.Simulation is not null).ToList();
        if (options.Count > 0)
        {
            sections.Add(OptionsCompared(f, compact: true));
        }

        var evaluation = Evaluation(f);
        if (evaluation is not null)
        {
            sections.Add(evaluation);
        }

        sections.Add(Decision(f));
        return f.Context.Document($"{c.Review.Title}: the case for change", "Senior managers", sections, f.Sources(), $"Process review at stage {c.Review.Stage}; prepared {Day(f.Context.Date)}");
    }

    private static ReportSection Problem(ProcessFacts f)
    {
        var c = f.Contents;
        var figures = new List<KeyFigure>();
        var bullets = new List<string>();
        string message = "What the process costs today.";
        if (f.Summary?.Result is { } s)
        {
            var throughput = s.CaseStatistics.Throughput;
            var unit = UnitFor(throughput.Median);
            figures.Add(new KeyFigure("Cases in scope", s.Cases, Charts.Measure.Count("Cases"), Note: $"{s.Start:yyyy-MM-dd} to {s.End:yyyy-MM-dd}"));
            figures.Add(new KeyFigure("Time to close, median", TimeUnits.FromSeconds(throughput.Median, unit), Charts.Measure.Duration("Time to close", unit), Note: $"1 in 10 take over {Duration(throughput.P90)}"));
            if (s.ReworkShare is { } rework)
            {
                figures.Add(new KeyFigure("Cases with rework", rework, Charts.Measure.Percent("Rework", 0), Note: "a step done again"));
            }

            message = $"Half the cases take more than {Duration(throughput.Median)} to close, and one in ten more than {Duration(throughput.P90)}.";
        }

        double cost = c.Steps.Sum(st => ProcessFacts.Measure(st, AssessmentAspect.Cost, "total_cost") is var v && double.IsFinite(v) ? v : 0);
        if (cost > 0)
        {
            figures.Add(new KeyFigure("Cost of the steps", cost, Charts.Measure.Money("Cost", f.Currency), Note: "over the period of the data"));
        }

        var satisfaction = c.Monitoring?.Value.Kpis.FirstOrDefault(k => k.Name.Contains("satisf", StringComparison.OrdinalIgnoreCase));
        if (satisfaction?.Baseline is { } baseline)
        {
            figures.Add(new KeyFigure(satisfaction.Name, baseline.Value, Charts.Measure.Number(satisfaction.Name, satisfaction.Unit, 2), Note: satisfaction.Target is { } t ? $"target {N(t, 2)} {satisfaction.Unit}" : "baseline"));
        }

        double breaches = c.Steps.Sum(st => ProcessFacts.Measure(st, AssessmentAspect.Compliance, "violating_cases") is var v && double.IsFinite(v) ? v : 0);
        if (c.Steps.Any(st => ProcessFacts.Assessment(st, AssessmentAspect.Compliance) is not null))
        {
            figures.Add(new KeyFigure("Service-level breaches", breaches, Charts.Measure.Count("Breaches"), Note: "cases breaching a rule, summed over steps"));
        }

        if (figures.Count == 0)
        {
            bullets.Add("The review holds no data yet: import the event log to see the problem in numbers.");
        }

        var worst = c.Steps
            .Select(st => (Step: st.Step.Value.Name, Stats: f.Statistics(st)))
            .Where(x => x.Stats is { WaitingTime.Count: > 0 })
            .OrderByDescending(x => x.Stats!.WaitingTime.Median * x.Stats.WaitingTime.Count)
            .Take(2)
            .ToList();
        foreach (var (step, stats) in worst)
        {
            bullets.Add($"Cases wait {Duration(stats!.WaitingTime.Median)} (median) before '{step}', {N(stats.WaitingTime.Count)} times in the period.");
        }

        if (c.Aims.Count > 0)
        {
            bullets.Add("Aim of the review: " + string.Join("; ", c.Aims) + ".");
        }

        var blocks = new List<ReportBlock>();
        if (figures.Count > 0)
        {
            blocks.Add(new KeyFigures(figures));
        }

        blocks.Add(new BulletList(bullets));
        return new ReportSection("The problem in numbers", blocks) { Message = message };
    }

    /// <summary>The options side by side on their simulated KPIs, each with its 95% interval, and a chart of the first.</summary>
    private static ReportSection OptionsCompared(ProcessFacts f, bool compact)
    {
        var options = f.Contents.Options.Where(o => o.Option.Value.Simulation is not null).ToList();
        var keys = options.SelectMany(o => o.Option.Value.Simulation!.Kpis).Select(k => k.Key).Distinct().ToList();
        string[] preferred = ["throughput_median", "throughput_p90", "within_service_level", "cost_per_case", "waiting_mean"];
        var shown = (compact ? preferred.Where(keys.Contains).Take(2) : keys).ToList();
        if (shown.Count == 0)
        {
            shown = [.. keys.Take(2)];
        }

        var rows = new List<IReadOnlyList<TableCell>>();
        foreach (var o in options)
        {
            foreach (var key in shown)
            {
                var k = o.Option.Value.Simulation!.Kpi(key);
                if (k is null)
                {
                    continue;
                }

                var (measure, factor) = SimulatedKpi.Of(k, f.Currency);
                rows.Add([o.Option.Value.Title, k.Label, SimulatedKpi.Text(k.AsIs, measure, factor), SimulatedKpi.Text(k.Option, measure, factor), SimulatedKpi.Text(k.Difference, measure, factor), k.Significant ? "yes" : "no"]);
            }
        }

        var table = new ReportTable("Options against the as-is process (simulated; 95% intervals over replications)",
            [TableColumn.Text("Option"), TableColumn.Text("Measure"), TableColumn.Text("As-is"), TableColumn.Text("With the option"), TableColumn.Text("Change"), TableColumn.Text("Clear difference")], rows);
        var blocks = new List<ReportBlock>();
        string message = "The options were simulated on the review's data.";
        var first = shown[0];
        var withFirst = options.Where(o => o.Option.Value.Simulation!.Kpi(first) is not null).ToList();
        if (withFirst.Count > 0)
        {
            var k0 = withFirst[0].Option.Value.Simulation!.Kpi(first)!;
            var (measure, factor) = SimulatedKpi.Of(k0, f.Currency);
            var bars = new List<Bar> { Bar("As-is", k0.AsIs, factor) };
            bars.AddRange(withFirst.Select(o => Bar(o.Option.Value.Title, o.Option.Value.Simulation!.Kpi(first)!.Option, factor)));
            blocks.Add(new ChartBlock(new BarChart
            {
                Title = $"{k0.Label}: as-is and with each option",
                Subtitle = $"Simulated, mean of replications with 95% interval",
                Value = measure,
                Bars = bars,
                CategoryName = "Option",
            }));
            bool lowerIsBetter = k0.Unit is "seconds" or "money" || first is "waiting_mean" or "backlog";
            var best = withFirst.OrderBy(o => (lowerIsBetter ? 1 : -1) * (o.Option.Value.Simulation!.Kpi(first)!.Option.Mean ?? double.NaN)).First();
            var bk = best.Option.Value.Simulation!.Kpi(first)!;
            message = $"'{best.Option.Value.Title}' does most for {k0.Label.ToLowerInvariant()}: {SimulatedKpi.Text(bk.Option, measure, factor)} against {SimulatedKpi.Text(bk.AsIs, measure, factor)} today.";
        }

        blocks.Add(new TableBlock(table));
        return new ReportSection("The options compared", blocks) { Message = message };
    }

    private static Bar Bar(string label, Review.Options.ValueInterval v, double factor)
        => new(label, (v.Mean ?? double.NaN) * factor, (v.Low ?? double.NaN) * factor, (v.High ?? double.NaN) * factor);

    /// <summary>Decision matrix, cost-benefit and the main risks in one section; null when nothing is evaluated.</summary>
    private static ReportSection? Evaluation(ProcessFacts f)
    {
        var c = f.Contents;
        var m = c.Matrix;
        var blocks = new List<ReportBlock>();
        string? message = null;
        if (m.Criteria.Count > 0 && m.Ranking.Count > 0)
        {
            var columns = new List<TableColumn> { TableColumn.Text("Option") };
            columns.AddRange(m.Criteria.Select(cr => TableColumn.Number($"{cr.Name} ({N(cr.Weight * 100)}%)", 0)));
            columns.Add(TableColumn.Number("Weighted score (1-5)", 2));
            var rows = m.Ranking.Select(r =>
            {
                var row = new List<TableCell> { r.Option };
                row.AddRange(m.Criteria.Select(cr => m.Cells.FirstOrDefault(x => x.OptionId == r.OptionId && x.Criterion == cr.Name) is { } cell ? TableCell.Of(cell.Score) : TableCell.Empty));
                row.Add(r.WeightedScore);
                return (IReadOnlyList<TableCell>)row;
            }).ToList();
            blocks.Add(new TableBlock(new ReportTable("Decision matrix: scores 1 (poor) to 5 (best), criteria weighted", columns, rows)));
            message = $"'{m.Winner!.Option}' scores highest ({N(m.Winner.WeightedScore, 2)} of 5)" + m.WinnerIsRobust switch
            {
                true => ", and stays first when any weight moves by 20%.",
                false => ", but a 20% change in a weight can change the order.",
                _ => ".",
            };
        }

        if (c.CostBenefits.Count > 0)
        {
            var rows = c.CostBenefits.Select(cb => (IReadOnlyList<TableCell>)[
                cb.Option,
                (double)cb.Case.OneOffCost,
                (double)cb.Case.NetPerYear,
                (double)cb.Case.NetPresentValue,
                Range(cb.Case.NetPresentValueLow, cb.Case.NetPresentValueHigh, v => Charts.Measure.Money("NPV", f.Currency).Format((double)v)),
                cb.Case.PaybackYears is { } p ? (double)p : TableCell.Empty,
                Range(cb.Case.PaybackYearsLow, cb.Case.PaybackYearsHigh, v => N(v, 1) + " years"),
            ]).ToList();
            blocks.Add(new TableBlock(new ReportTable($"Cost-benefit over {c.CostBenefits[0].Case.Years} years, discounted",
                [TableColumn.Text("Option"), TableColumn.Money("One-off cost", f.Currency), TableColumn.Money("Net saving a year", f.Currency), TableColumn.Money("NPV", f.Currency), TableColumn.Text("NPV range (from the savings interval)"), TableColumn.Number("Payback", 1, "years"), TableColumn.Text("Payback range")], rows)));
            var chosen = Recommended(f) ?? c.CostBenefits.OrderByDescending(cb => cb.Case.NetPresentValue).First().Option;
            if (c.CostBenefits.FirstOrDefault(cb => cb.Option == chosen) is { } cbl)
            {
                blocks.Add(new ChartBlock(Waterfall(cbl.Option, cbl.Case, f.Currency)));
            }

            var best = c.CostBenefits.OrderByDescending(cb => cb.Case.NetPresentValue).First();
            message ??= $"'{best.Option}' returns the most: NPV {Charts.Measure.Money("NPV", f.Currency).Format((double)best.Case.NetPresentValue)} over {best.Case.Years} years.";
        }

        if (c.Risks.Count > 0)
        {
            var rows = c.Risks.Take(4).Select(r => (IReadOnlyList<TableCell>)[r.Risk.Description, r.Option ?? "the change as a whole", r.Risk.Exposure, r.Risk.Owner ?? "", r.Risk.Mitigation ?? ""]).ToList();
            blocks.Add(new TableBlock(new ReportTable("The main risks (exposure = likelihood × impact, each 1 to 5)",
                [TableColumn.Text("Risk"), TableColumn.Text("Of"), TableColumn.Number("Exposure (1-25)", 0), TableColumn.Text("Owner"), TableColumn.Text("Mitigation")], rows)));
        }

        return blocks.Count == 0 ? null : new ReportSection("Evaluation: matrix, cost-benefit and risks", blocks) { Message = message };
    }

    private static TableCell Range(decimal? low, decimal? high, Func<decimal, string> text)
        => low is { } l && high is { } h ? TableCell.Of($"{text(l)} to {text(h)}") : TableCell.Empty;

    /// <summary>The cost-benefit as a waterfall: the one-off cost, each year's discounted net saving, and the NPV.</summary>
    internal static WaterfallChart Waterfall(string option, CostBenefit cb, string currency)
    {
        var steps = new List<WaterfallStep> { new("One-off", (double)(cb.OneOffSaving - cb.OneOffCost)) };
        for (int year = 1; year <= cb.Years; year++)
        {
            steps.Add(new WaterfallStep($"Year {year}", (double)cb.NetPerYear / Math.Pow(1 + (double)cb.DiscountRate, year)));
        }

        steps.Add(new WaterfallStep("NPV", (double)cb.NetPresentValue, IsTotal: true));
        return new WaterfallChart
        {
            Title = $"'{option}': net present value",
            Subtitle = $"One-off cost, then each year's net saving discounted at {N((double)cb.DiscountRate * 100, 1)}%",
            Value = Charts.Measure.Money("Amount", currency),
            Steps = steps,
            StepName = "Year",
        };
    }

    /// <summary>The option of the current recommendation, if there is one.</summary>
    private static string? Recommended(ProcessFacts f)
        => f.Contents.Recommendations.Where(r => r.Recommendation.Value.Status != RecommendationStatus.Withdrawn).Select(r => r.Options.FirstOrDefault()).FirstOrDefault(o => o is not null);

    private static ReportSection Decision(ProcessFacts f)
    {
        var c = f.Contents;
        var current = c.Recommendations.Where(r => r.Recommendation.Value.Status != RecommendationStatus.Withdrawn).ToList();
        var bullets = new List<string>();
        string message;
        if (current.Count == 0)
        {
            message = c.Matrix.Winner is { } w
                ? $"Decision asked: agree to recommend '{w.Option}', the option that scores highest."
                : "No recommendation yet: the options are still being evaluated.";
        }
        else
        {
            var r = current[0];
            message = r.Agreement.IsAgreed
                ? $"Agreed: {r.Recommendation.Value.Title}."
                : $"Decision asked: approve '{r.Recommendation.Value.Title}'.";
            bullets.Add($"Recommendation: {r.Recommendation.Value.Title} (option {string.Join(", ", r.Options)}).");
            bullets.Add("Why: " + f.Context.Clean(r.Recommendation.Value.Rationale));
            bullets.Add(r.Agreement.IsAgreed ? $"Signed off at version {r.Recommendation.Version}." : r.Agreement.Reason);
        }

        if (c.Tasks.Count > 0)
        {
            var start = c.Tasks.Select(t => t.Task.Start ?? t.Task.Due).Min();
            var end = c.Tasks.Max(t => t.Task.Due);
            int done = c.Tasks.Count(t => t.Task.Status == Review.Planning.PlanTaskStatus.Done);
            bullets.Add($"Plan: {c.Tasks.Count} tasks from {Day(start)} to {Day(end)}; {done} done.");
        }

        if (c.Scope?.Value.Change.BudgetCap is { } cap)
        {
            bullets.Add($"Budget agreed in the scope: {Charts.Measure.Money("Budget", f.Currency).Format((double)cap)}.");
        }

        return new ReportSection("Recommendation and the decision asked", [new BulletList(bullets)]) { Message = message };
    }
}

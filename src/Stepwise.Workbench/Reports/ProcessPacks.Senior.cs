using Stepwise.Charts;
using Stepwise.Mining.Discovery;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Steps;
using Stepwise.Reports;
using Stepwise.Workbench.Reviews;
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
        if (c.Options.Count > 0)
        {
            sections.Add(OptionsCompared(f));
        }

        sections.Add(Decision(f));
        if (DidItWork(f, brief: true, most: 3) is { } worked)
        {
            sections.Add(worked);
        }
        return f.Context.Document($"{c.Review.Title}: the case for change", "Senior managers", sections, f.Sources(), $"Process review at stage {c.Review.Stage}; prepared {Day(f.Context.Date)}") with { Brief = true };
    }

    /// <summary>The attribute the review counts hand-overs between: the one its latest monitoring used, else a team's
    /// (the first of <see cref="HandoverAttributes"/> the log has), else the resource.</summary>
    private static string ReviewHandoverBy(ProcessFacts f)
    {
        if (f.MonitoringRun?.Value.Settings.HandoverBy is { } monitored)
        {
            return monitored;
        }

        var attributes = f.Summary!.Result.EventAttributes.Select(a => a[..a.LastIndexOf(" (", StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        return HandoverAttributes.FirstOrDefault(attributes.Contains) ?? "org:resource";
    }

    /// <summary>A line with the hand-overs per case and the share of cases with ping-pong (work handed straight back),
    /// between the review's hand-over attribute, when the log has hand-overs.</summary>
    private static void HandoverFigures(ProcessFacts f, long cases, List<string> bullets)
    {
        string by = ReviewHandoverBy(f);
        HandoverNetwork network;
        try
        {
            network = f.Handovers(by).Result;
        }
        catch (Problems.StepwiseException)
        {
            return;
        }

        if (network.CasesWithHandover == 0 || cases == 0)
        {
            return;
        }

        string between = by == "org:resource" ? "between people" : $"between {by} values";
        long handovers = network.Handovers.Where(h => h.From != h.To).Sum(h => h.Count);
        // One line rather than key figures, so the board paper keeps to its two pages; ping-pong is work handed straight back.
        bullets.Add($"Hand-overs {between}: {N((double)handovers / cases, 2)} per case; ping-pong in {Percent((double)network.CasesWithPingPong / cases)} ({N(network.CasesWithPingPong)} of {N(cases)} cases).");
    }

    private static ReportSection Problem(ProcessFacts f)
    {
        var c = f.Contents;
        var figures = new List<KeyFigure>();
        var bullets = new List<string>();
        string message = "What the process costs today.";
        string period = "over the data", years = "the data";
        if (f.Summary?.Result is { } s)
        {
            var throughput = s.CaseStatistics.Throughput;
            var unit = UnitFor(throughput.Median);
            period = $"{s.Start:yyyy-MM-dd} to {s.End:yyyy-MM-dd}";
            years = s.Start is not { } first || s.End is not { } last ? "the data" : first.Year == last.Year ? $"{first:yyyy}" : $"{first:yyyy}\u2013{last:yyyy}";
            figures.Add(new KeyFigure("Cases in scope", s.Cases, Charts.Measure.Count("Cases"), Note: $"{s.Start:yyyy-MM-dd} to {s.End:yyyy-MM-dd}"));
            figures.Add(new KeyFigure("Time to close, median", TimeUnits.FromSeconds(throughput.Median, unit), Charts.Measure.Duration("Time to close", unit), Note: $"1 in 10 take over {Duration(throughput.P90)}"));
            if (s.ReworkShare is { } rework)
            {
                // A step repeated straight after itself (a second update in the same state) is rework too; the note says
                // how many cases go back to a step after another, which is what a reader takes rework to mean.
                string returns = s.ReturnShare is { } back ? $"; {Charts.Measure.Percent("Returns", 0).Format(back)} go back to a step after another" : string.Empty;
                figures.Add(new KeyFigure("Cases with rework", rework, Charts.Measure.Percent("Rework", 0), Note: "a step done again" + returns));
            }

            message = $"Half the cases take more than {Duration(throughput.Median)} to close, and one in ten more than {Duration(throughput.P90)}.";
            HandoverFigures(f, s.Cases, bullets);
        }

        double cost = c.Steps.Sum(st => ProcessFacts.Measure(st, AssessmentAspect.Cost, "total_cost") is var v && double.IsFinite(v) ? v : 0);
        if (cost > 0)
        {
            figures.Add(new KeyFigure("Cost of the steps", cost, Charts.Measure.Money("Cost", f.Currency), Note: period));
        }

        var satisfaction = c.Monitoring?.Value.Kpis.FirstOrDefault(k => k.Name.Contains("satisf", StringComparison.OrdinalIgnoreCase));
        if (satisfaction?.Baseline is { } baseline)
        {
            // The latest measurement where there is one, with the period it covers; else the baseline, called so.
            var latest = satisfaction.Measurements.OrderBy(m => m.At).LastOrDefault();
            string target = satisfaction.Target is { } t ? $"; target {N(t, 2)}" : string.Empty;
            figures.Add(latest is null
                ? new KeyFigure(satisfaction.Name, baseline.Value, Charts.Measure.Number(satisfaction.Name, satisfaction.Unit, 2), Note: $"baseline{target}")
                : new KeyFigure(satisfaction.Name, latest.Value, Charts.Measure.Number(satisfaction.Name, satisfaction.Unit, 2), Note: $"{(latest.From is null ? "measured " : string.Empty)}{Measured(latest)}{target}"));
        }

        if (f.Compliance is { Cases: { } inScope, Breaching: { } breaching } rules)
        {
            figures.Add(new KeyFigure("Service-level breaches", breaching, Charts.Measure.Count("Cases"), Note: $"cases breaching at least one of {Counted.Of(rules.Rules.Count, "rule", "rules")}, of {N(inScope)}"));
        }
        else if (c.Steps.Any(st => ProcessFacts.Assessment(st, AssessmentAspect.Compliance) is not null))
        {
            double breaches = c.Steps.Sum(st => ProcessFacts.Measure(st, AssessmentAspect.Compliance, "violating_cases") is var v && double.IsFinite(v) ? v : 0);
            figures.Add(new KeyFigure("Service-level breaches", breaches, Charts.Measure.Count("Cases"), Note: "cases breaching a rule, added over the steps (a case may count at two)"));
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
            bullets.Add($"Cases wait {Duration(stats!.WaitingTime.Median)} (median) before '{step}', {N(stats.WaitingTime.Count)} times in {years}.");
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
        if (f.Summary is { } basis)
        {
            blocks.Add(new Note($"Data: {basis.Basis.DataFile} (SHA-256 {basis.Basis.DataSha256[..12]}...), {N(basis.Basis.CasesInScope)} of {N(basis.Basis.CasesInData)} cases inside the agreed scope (version {basis.Basis.ScopeVersion}), {period}: the figures above are of these cases."));
        }

        return new ReportSection("The problem in numbers", blocks) { Message = message };
    }

    /// <summary>
    /// The options side by side: the simulated change in the first key KPI with its 95% interval (as a chart and in
    /// the table), the decision matrix's scores, and the cost-benefit (NPV and payback with their ranges).
    /// </summary>
    private static ReportSection OptionsCompared(ProcessFacts f)
    {
        var c = f.Contents;
        var m = c.Matrix;
        string[] preferred = ["throughput_median", "within_service_level", "cost_per_case", "throughput_p90", "waiting_mean"];
        var keys = c.Options.Where(o => o.Option.Value.Simulation is not null).SelectMany(o => o.Option.Value.Simulation!.Kpis).Select(k => k.Key).Distinct().ToList();
        string? first = preferred.FirstOrDefault(keys.Contains) ?? keys.FirstOrDefault();
        var blocks = new List<ReportBlock>();
        string message = "The options are not simulated yet.";
        Review.Options.KpiInterval? Kpi(OptionLine o) => first is null ? null : o.Option.Value.Simulation?.Kpi(first);
        var simulated = c.Options.Where(o => Kpi(o) is not null).ToList();
        (Measure Measure, double Factor)? shown = simulated.Count > 0 ? SimulatedKpi.Of(Kpi(simulated[0])!, f.Currency) : null;
        if (shown is { } s0)
        {
            var k0 = Kpi(simulated[0])!;
            // The change each option makes, with its interval, around no change: on a board paper the differences
            // matter, and bars of the whole value would hide a day's change in a month's throughput time.
            blocks.Add(new ChartBlock(new BarChart
            {
                Title = $"Change in {k0.Label.ToLowerInvariant()} with each option",
                Subtitle = $"Each option minus the process as it is ({s0.Measure.Format((k0.AsIs.Mean ?? double.NaN) * s0.Factor)}), both simulated: mean of the replications, 95% interval",
                Value = s0.Measure.Named($"Change in {k0.Label.ToLowerInvariant()}"),
                Bars = [.. simulated.Select(o => Bar(o.Option.Value.Title, Kpi(o)!.Difference, s0.Factor))],
                CategoryName = "Option",
                Reference = 0,
                ReferenceName = "No change",
            }));
            bool lowerIsBetter = k0.Unit is "seconds" or "money" || first is "waiting_mean" or "backlog" or "abandonment";
            var clear = simulated.Where(o => Kpi(o)!.Significant).OrderBy(o => (lowerIsBetter ? 1 : -1) * (Kpi(o)!.Option.Mean ?? double.NaN)).ToList();
            message = clear.Count > 0
                ? $"'{clear[0].Option.Value.Title}' changes {k0.Label.ToLowerInvariant()} most clearly: {SimulatedKpi.Text(Kpi(clear[0])!.Option, s0.Measure, s0.Factor)} against {SimulatedKpi.Text(k0.AsIs, s0.Measure, s0.Factor)} for the process as it is (simulated)."
                : $"No option clearly changes the {k0.Label.ToLowerInvariant()}: the 95% interval of every change includes no change.";
        }

        var columns = new List<TableColumn> { TableColumn.Text("Option") };
        if (shown is not null)
        {
            columns.Add(TableColumn.Text("Change (95% interval)"));
        }

        columns.AddRange(m.Criteria.Select(cr => TableColumn.Number($"{cr.Name} ({N(cr.Weight * 100)}%)", 0)));
        if (m.Criteria.Count > 0)
        {
            columns.Add(TableColumn.Number("Weighted score (1-5)", 2));
        }

        bool ranges = c.CostBenefits.Any(x => x.Case.NetPresentValueLow is not null);
        columns.Add(TableColumn.Money("NPV", f.Currency));
        if (ranges)
        {
            columns.Add(TableColumn.Text("NPV range"));
        }

        columns.Add(TableColumn.Number("Payback", 1, "years"));
        var order = c.Options.OrderBy(o => m.Ranking.ToList().FindIndex(r => r.OptionId == o.Option.Value.Id) is var i && i < 0 ? int.MaxValue : i).ThenBy(o => o.Option.Value.Title, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<TableCell>>();
        foreach (var o in order)
        {
            var row = new List<TableCell> { o.Option.Value.Title };
            if (shown is { } s)
            {
                row.Add(Kpi(o) is { } k ? SimulatedKpi.Compact(k.Difference, s.Measure, s.Factor) + (k.Significant ? "" : ", unclear") : "not simulated");
            }

            row.AddRange(m.Criteria.Select(cr => m.Cells.FirstOrDefault(x => x.OptionId == o.Option.Value.Id && x.Criterion == cr.Name) is { } cell ? TableCell.Of(cell.Score) : TableCell.Empty));
            if (m.Criteria.Count > 0)
            {
                row.Add(m.Ranking.FirstOrDefault(r => r.OptionId == o.Option.Value.Id) is { } rank ? TableCell.Of(rank.WeightedScore) : TableCell.Empty);
            }

            var cb = c.CostBenefits.FirstOrDefault(x => x.Option == o.Option.Value.Title)?.Case;
            row.Add(cb is null ? TableCell.Empty : (double)cb.NetPresentValue);
            if (ranges)
            {
                var money = Charts.Measure.Money("NPV", f.Currency);
                row.Add(cb is null ? TableCell.Empty : Range(cb.NetPresentValueLow, cb.NetPresentValueHigh, money.Format));
            }

            row.Add(cb?.PaybackYears is { } p ? (double)p : TableCell.Empty);
            rows.Add(row);
        }

        string years = c.CostBenefits.Count > 0 ? $"NPV over {c.CostBenefits[0].Case.Years} years at {N((double)c.CostBenefits[0].Case.DiscountRate * 100, 1)}%" : "no cost-benefit yet";
        string change = shown is null ? "options" : $"Options: simulated change in {Kpi(simulated[0])!.Label.ToLowerInvariant()}";
        blocks.Add(new TableBlock(new ReportTable($"{change}, decision matrix (scores 1 poor to 5 best, criteria weighted) and {years}", columns, rows)));
        if (m.Winner is { } w)
        {
            blocks.Add(new Note(m.WinnerIsRobust switch
            {
                true => $"'{w.Option}' ranks first and stays first when any criterion's weight moves by 20%.",
                false => $"'{w.Option}' ranks first, but a 20% change in a criterion's weight can change the order.",
                _ => $"'{w.Option}' ranks first.",
            }));
        }

        return new ReportSection("The options compared", blocks) { Message = message };
    }

    private static Bar Bar(string label, Review.Options.ValueInterval v, double factor)
        => new(label, (v.Mean ?? double.NaN) * factor, (v.Low ?? double.NaN) * factor, (v.High ?? double.NaN) * factor);

    /// <summary>A range of money as "−2,759 to 11,510 EUR": the currency code once, so the range stays narrow.</summary>
    private static TableCell Range(decimal? low, decimal? high, Func<double, string> text)
    {
        if (low is not { } l || high is not { } h)
        {
            return TableCell.Empty;
        }

        string from = text((double)l), to = text((double)h);
        int unit = to.LastIndexOf(' ');
        string suffix = unit > 0 ? to[unit..] : string.Empty;
        return TableCell.Of($"{(suffix.Length > 0 && from.EndsWith(suffix, StringComparison.Ordinal) ? from[..^suffix.Length] : from)} to {to}");
    }

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
    internal static string? Recommended(ProcessFacts f)
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
            bullets.Add($"Recommendation: {r.Recommendation.Value.Title} (option {string.Join(", ", r.Options)}). Why: {f.Context.Clean(r.Recommendation.Value.Rationale)}");
            if (!r.Agreement.IsAgreed)
            {
                bullets.Add(r.Agreement.Reason);
            }
        }

        if (c.Tasks.Count > 0)
        {
            var start = c.Tasks.Select(t => t.Task.Start ?? t.Task.Due).Min();
            var end = c.Tasks.Max(t => t.Task.Due);
            int done = c.Tasks.Count(t => t.Task.Status == Review.Planning.PlanTaskStatus.Done);
            bullets.Add($"Plan: {Counted.Of(c.Tasks.Count, "task", "tasks")} from {Day(start)} to {Day(end)}; {done} done{OverdueCount(f.Context, c.Tasks)}.");
            var late = c.Tasks.Select(t => (t.Task.Title, Days: f.Context.DaysOverdue(t.Task.Due, t.Task.Status))).Where(t => t.Days > 0).OrderByDescending(t => t.Days).ToList();
            if (late.Count > 0)
            {
                bullets.Add("Overdue: " + string.Join("; ", late.Select(t => $"'{t.Title}', {DaysText(t.Days)} past its due date")) + ".");
            }
        }

        if (c.Scope?.Value.Change.BudgetCap is { } cap)
        {
            bullets.Add($"Budget agreed in the scope: {Charts.Measure.Money("Budget", f.Currency).Format((double)cap)}.");
        }

        var blocks = new List<ReportBlock> { new BulletList(bullets) };
        if (c.Risks.Count > 0)
        {
            var largest = c.Risks.OrderByDescending(r => r.Risk.Exposure).ThenBy(r => r.Risk.Description, StringComparer.Ordinal).Take(3).ToList();
            var rows = largest.Select(r => (IReadOnlyList<TableCell>)[$"{r.Risk.Description} ({r.Option ?? "the change as a whole"})", r.Risk.Exposure, r.Risk.Owner ?? "", r.Risk.Mitigation ?? ""]).ToList();
            blocks.Add(new TableBlock(new ReportTable(c.Risks.Count > largest.Count ? $"The {largest.Count} largest of {c.Risks.Count} risks (exposure = likelihood × impact, each 1 to 5)" : "The risks (exposure = likelihood × impact, each 1 to 5)",
                [TableColumn.Comment("Risk (of which option)"), TableColumn.Number("Exposure (1-25)", 0), TableColumn.Text("Owner"), TableColumn.Comment("Mitigation")], rows)));
        }

        return new ReportSection("Recommendation and risks", blocks) { Message = message };
    }
}

using Stepwise.Reports;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Reports;

internal static partial class ProcessPacks
{
    /// <summary>Analysts: every table of the review (one sheet each in the workbook) and the evidence map.</summary>
    public static ReportDocument Analysts(ProcessFacts f)
    {
        var c = f.Contents;
        var sections = new List<ReportSection>();
        void Add(string heading, ReportTable table) => sections.Add(new ReportSection(heading, [new TableBlock(table)]));

        Add("Stakeholders", new ReportTable("Stakeholders", [TableColumn.Text("Name"), TableColumn.Text("Position"), TableColumn.Text("Group"), TableColumn.Text("Role"), TableColumn.Text("Account")],
            [.. c.Stakeholders.Select(s => (IReadOnlyList<TableCell>)[s.Stakeholder.Value.Name, s.Stakeholder.Value.Position, Words(s.Stakeholder.Value.Group.ToString()), Words(s.Stakeholder.Value.Role.ToString()), s.Account])]));
        if (c.Scope is not null)
        {
            Add("Scope", new ReportTable($"Scope v{c.Scope.Version}", [TableColumn.Text("Boundary or parameter")], [.. c.ScopeText.Select(t => (IReadOnlyList<TableCell>)[t])]));
        }

        sections.Add(Scorecard(f, c.Steps));
        Add("Assessment measures", new ReportTable("Every measure of every step assessment", [TableColumn.Text("Step"), TableColumn.Text("Aspect"), TableColumn.Text("Measure"), TableColumn.Number("Value", 4), TableColumn.Text("Data SHA-256")],
            [.. c.Steps.SelectMany(s => s.Assessments.SelectMany(a => a.Measures.Select(m => (IReadOnlyList<TableCell>)[s.Step.Value.Name, Words(a.Aspect.ToString()), m.Key, m.Value, a.DataHash.Hex])))]));
        Add("Assessment evidence", new ReportTable("The evidence of every step assessment", [TableColumn.Text("Step"), TableColumn.Text("Aspect"), TableColumn.Text("Evidence"), TableColumn.Text("Source")],
            [.. c.Steps.SelectMany(s => s.Assessments.SelectMany(a => a.Evidence.Select(e => (IReadOnlyList<TableCell>)[s.Step.Value.Name, Words(a.Aspect.ToString()), e.Summary, e.Source])))]));
        Add("Questions", new ReportTable("Challenge questions and answers", [TableColumn.Text("Step"), TableColumn.Comment("Question"), TableColumn.Text("Asked of"), TableColumn.Text("Answered by"), TableColumn.Comment("Answer"), TableColumn.Date("Answered on")],
            [.. c.Questions.SelectMany(q => q.Answers.Count == 0
                ? [(IReadOnlyList<TableCell>)[q.Step, q.Question.Value.Text, string.Join(", ", q.AskedOf), TableCell.Empty, TableCell.Empty, TableCell.Empty]]
                : q.Answers.Select(a => (IReadOnlyList<TableCell>)[q.Step, q.Question.Value.Text, string.Join(", ", q.AskedOf), a.Stakeholder, a.Text, DateOnly.FromDateTime(a.At.UtcDateTime)]))]));
        Add("Options", new ReportTable("Options and their changes", [TableColumn.Text("Option"), TableColumn.Text("Changes"), TableColumn.Text("Steps"), TableColumn.Count("Replications"), TableColumn.Number("Seed", 0), TableColumn.Number("Horizon", 0, "days")],
            [.. c.Options.Select(o => (IReadOnlyList<TableCell>)[o.Option.Value.Title, string.Join("; ", o.Changes), string.Join(", ", o.Steps),
                o.Option.Value.Simulation is { } s ? s.Replications : TableCell.Empty, o.Option.Value.Simulation is { } s2 ? s2.Seed : TableCell.Empty, o.Option.Value.Simulation is { } s3 ? s3.HorizonDays : TableCell.Empty])]));
        Add("Simulated KPIs", new ReportTable("Simulated KPIs, as stored (durations in seconds, shares as fractions)", [TableColumn.Text("Option"), TableColumn.Text("KPI"), TableColumn.Text("Unit"),
            TableColumn.Number("As-is", 4), TableColumn.Number("As-is low", 4), TableColumn.Number("As-is high", 4), TableColumn.Number("Option", 4), TableColumn.Number("Option low", 4), TableColumn.Number("Option high", 4),
            TableColumn.Number("Difference", 4), TableColumn.Number("Difference low", 4), TableColumn.Number("Difference high", 4), TableColumn.Text("Clear difference")],
            [.. c.Options.Where(o => o.Option.Value.Simulation is not null).SelectMany(o => o.Option.Value.Simulation!.Kpis.Select(k => (IReadOnlyList<TableCell>)[o.Option.Value.Title, k.Label, k.Unit,
                Num(k.AsIs.Mean), Num(k.AsIs.Low), Num(k.AsIs.High), Num(k.Option.Mean), Num(k.Option.Low), Num(k.Option.High), Num(k.Difference.Mean), Num(k.Difference.Low), Num(k.Difference.High), k.Significant ? "yes" : "no"]))]));
        Add("Decision matrix", new ReportTable("Scores with their rationale", [TableColumn.Text("Option"), TableColumn.Text("Criterion"), TableColumn.Number("Weight", 2), TableColumn.Number("Score (1-5)", 0), TableColumn.Comment("Rationale")],
            [.. c.Matrix.Cells.Select(x => (IReadOnlyList<TableCell>)[x.Option, x.Criterion, c.Matrix.Criteria.FirstOrDefault(cr => cr.Name == x.Criterion)?.Weight ?? double.NaN, x.Score, x.Rationale])]));
        Add("Sensitivity", new ReportTable("The winner when each weight moves", [TableColumn.Text("Criterion"), TableColumn.Number("Factor", 2), TableColumn.Number("Weight", 3), TableColumn.Text("Winner"), TableColumn.Number("Winner's score", 2), TableColumn.Text("Winner changed")],
            [.. c.Matrix.Sensitivity.Select(s => (IReadOnlyList<TableCell>)[s.Criterion, s.Factor, s.Weight, s.Winner, s.WinnerScore, s.WinnerChanged ? "yes" : "no"])]));
        Add("Cost-benefit", new ReportTable("Cost-benefit cases", [TableColumn.Text("Option"), TableColumn.Money("One-off cost", f.Currency, 2), TableColumn.Money("One-off saving", f.Currency, 2), TableColumn.Money("Running cost a year", f.Currency, 2),
            TableColumn.Money("Savings a year", f.Currency, 2), TableColumn.Money("Savings a year, low", f.Currency, 2), TableColumn.Money("Savings a year, high", f.Currency, 2), TableColumn.Count("Years"), TableColumn.Percent("Discount rate", 1),
            TableColumn.Money("NPV", f.Currency, 2), TableColumn.Money("NPV low", f.Currency, 2), TableColumn.Money("NPV high", f.Currency, 2), TableColumn.Number("Payback", 2, "years"), TableColumn.Text("Savings basis")],
            [.. c.CostBenefits.Select(x => (IReadOnlyList<TableCell>)[x.Option, (double)x.Case.OneOffCost, (double)x.Case.OneOffSaving, (double)x.Case.RunningCostPerYear, (double)x.Case.SavingsPerYear,
                Num((double?)x.Case.SavingsLowPerYear), Num((double?)x.Case.SavingsHighPerYear), x.Case.Years, (double)x.Case.DiscountRate, (double)x.Case.NetPresentValue,
                Num((double?)x.Case.NetPresentValueLow), Num((double?)x.Case.NetPresentValueHigh), Num((double?)x.Case.PaybackYears), x.Case.SavingsBasis])]));
        var chosen = Recommended(f) ?? c.CostBenefits.OrderByDescending(x => x.Case.NetPresentValue).Select(x => x.Option).FirstOrDefault();
        if (c.CostBenefits.FirstOrDefault(x => x.Option == chosen) is { } waterfall)
        {
            sections.Add(new ReportSection("Cost-benefit of the recommended option", [new ChartBlock(Waterfall(waterfall.Option, waterfall.Case, f.Currency))]));
        }

        Add("Risks", new ReportTable("Risks", [TableColumn.Comment("Risk"), TableColumn.Text("Option"), TableColumn.Number("Likelihood (1-5)", 0), TableColumn.Number("Impact (1-5)", 0), TableColumn.Number("Exposure", 0), TableColumn.Text("Owner"), TableColumn.Comment("Mitigation")],
            [.. c.Risks.Select(r => (IReadOnlyList<TableCell>)[r.Risk.Description, r.Option, r.Risk.Likelihood, r.Risk.Impact, r.Risk.Exposure, r.Risk.Owner, r.Risk.Mitigation])]));
        Add("Recommendations", new ReportTable("Recommendations", [TableColumn.Text("Recommendation"), TableColumn.Text("Options"), TableColumn.Text("Status"), TableColumn.Text("Agreed"), TableColumn.Count("Version"), TableColumn.Comment("Rationale")],
            [.. c.Recommendations.Select(r => (IReadOnlyList<TableCell>)[r.Recommendation.Value.Title, string.Join(", ", r.Options), Words(r.Recommendation.Value.Status.ToString()), r.Agreement.IsAgreed ? "yes" : "no", r.Recommendation.Version, r.Recommendation.Value.Rationale])]));
        sections.Add(new ReportSection("Plan", PlanBlocks(f.Context, c.Tasks)));
        Add("Communications", new ReportTable("Communication log", [TableColumn.Date("Date"), TableColumn.Text("Audience"), TableColumn.Text("Channel"), TableColumn.Comment("Message"), TableColumn.Text("About")],
            [.. c.Communications.Select(m => (IReadOnlyList<TableCell>)[DateOnly.FromDateTime(m.Communication.Value.At.UtcDateTime), string.Join(", ", m.Audience), m.Communication.Value.Channel, m.Communication.Value.Message, m.About])]));
        Add("KPIs", new ReportTable("Monitored KPIs: baseline, target and every measurement (in the KPI's unit)", [TableColumn.Text("KPI"), TableColumn.Text("Unit"), TableColumn.Text("Owner"), TableColumn.Text("What"), TableColumn.Date("To"), TableColumn.Number("Value", 4), TableColumn.Number("Target", 4), TableColumn.Text("Verdict"), TableColumn.Text("Source")],
            [.. (c.Monitoring?.Value.Kpis ?? []).SelectMany(k => (k.Baseline is { } b ? new[] { ("baseline", b) } : []).Concat(k.Measurements.Select(m => ("measurement", m)))
                .Select(x => (IReadOnlyList<TableCell>)[k.Name, k.Unit, k.Owner, x.Item1, DateOnly.FromDateTime(x.Item2.At.UtcDateTime), x.Item2.Value, Num(k.Target), Words(x.Item2.Verdict.ToString()), x.Item2.Source ?? x.Item2.DataHash?.Hex]))]));
        if (f.MonitoringRun?.Value is { } run)
        {
            Add("Monitoring", MonitoringTable(run));
        }

        Add("Sign-offs", SignOffTable(c.SignOffs));
        sections.Add(EvidenceMap.Section(EvidenceMap.Of(c)));
        return f.Context.Document($"{c.Review.Title}: every table", "Analysts", sections, f.Sources());
    }

    internal static TableCell Num(double? value) => value is { } v ? TableCell.Of(v) : TableCell.Empty;

    internal static ReportTable SignOffTable(IReadOnlyList<Review.SignOffs.SignOffState> signOffs)
        => new("Every sign-off", [TableColumn.Text("Artefact"), TableColumn.Count("Version"), TableColumn.Text("By"), TableColumn.Text("Group"), TableColumn.Text("Decision"), TableColumn.Date("Date"), TableColumn.Text("Entered by"), TableColumn.Text("Stale"), TableColumn.Text("Content SHA-256")],
            [.. signOffs.Select(s => (IReadOnlyList<TableCell>)[Words(s.SignOff.Artefact.Kind.ToString()), s.SignOff.Version, s.SignOff.Name, Words(s.SignOff.Group.ToString()), Words(s.SignOff.Decision.ToString()),
                DateOnly.FromDateTime(s.SignOff.At.UtcDateTime), s.SignOff.EnteredBy, s.IsStale ? "yes" : "no", s.SignOff.ContentHash.Hex])]);
}

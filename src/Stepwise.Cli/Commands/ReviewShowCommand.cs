using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Output;
using Stepwise.Review.Monitoring;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review show</c>: everything a review holds (<see cref="ReviewContents"/>), one table per part.</summary>
internal static class ReviewShowCommand
{
    public static Command Create(ReviewOptions o) => ReviewVerb.Create(o, "show",
        "Show everything a review holds: stage and what the next needs, the signed scope in words, stakeholders and members, data with provenance, steps and assessments, questions and answers, options and simulations, the decision matrix, cost-benefit, risks, recommendations, the plan, communications, monitoring, and every sign-off with who entered it.",
        (session, reviewId, _, _, _) => session.Bench.Reviews.Get(session.Actor, reviewId).Type == Review.Reviews.ReviewType.Quality
            ? QualityReport.Build(session.Bench.Quality.Show(session.Actor, reviewId))
            : Render(session.Bench.Reviews.Show(session.Actor, reviewId)));

    public static Report Render(ReviewContents c)
    {
        var r = c.Review;
        var report = new Report();
        report.Add(new ResultRecord("review", "Review")
            .Add("id", r.Id.ToString("D"))
            .Add("title", r.Title)
            .Add("owner", r.Owner)
            .Add("aims", string.Join("; ", c.Aims))
            .Add("stage", r.Stage?.ToString())
            .Add("next_stage", c.NextStage?.ToString())
            .Add("next_stage_needs", c.NextStage is null ? null : c.NextStageRefusal ?? "nothing more: it can move on")
            .Add("version", r.Version, CellKind.Integer)
            .Add("your_role", r.Role.ToString().ToLowerInvariant())
            .Add("scope_version", c.Scope?.Version, CellKind.Integer)
            .Add("scope_hash", c.Scope?.Hash.Hex)
            .Add("scope_agreed", c.ScopeAgreement.IsAgreed, CellKind.Boolean)
            .Add("scope_agreement", c.ScopeAgreement.IsAgreed ? "agreed" : c.ScopeAgreement.Reason)
            .Add("go_live", c.Plan?.Value.GoLive, CellKind.Timestamp));

        var scope = new ResultTable("scope_text", [new("line")], "Scope (as signed)");
        foreach (var line in c.ScopeText)
        {
            scope.Add(line);
        }

        var stakeholders = new ResultTable("stakeholders", [new("id"), new("name"), new("position"), new("group"), new("role"), new("account")], "Stakeholders");
        foreach (var s in c.Stakeholders)
        {
            stakeholders.Add(s.Stakeholder.Value.Id.ToString("D"), s.Stakeholder.Value.Name, s.Stakeholder.Value.Position, s.Stakeholder.Value.Group.ToString(), s.Stakeholder.Value.Role.ToString(), s.Account);
        }

        var members = new ResultTable("members", [new("user"), new("name"), new("role")], "Members");
        foreach (var m in c.Members)
        {
            members.Add(m.UserName, m.DisplayName, m.Role.ToString().ToLowerInvariant());
        }

        var sources = new ResultTable("data_sources", [new("id"), new("kind"), new("file"), new("cases", CellKind.Integer), new("records", CellKind.Integer), new("sha256"), new("read_as"), new("imported_at", CellKind.Timestamp), new("imported_by")], "Data sources");
        foreach (var d in c.DataSources)
        {
            var p = d.Provenance?.Detected;
            string? readAs = p is null ? null : $"{p.Format}; {string.Join("; ", p.Mapping)}" + (p.RowsSkipped > 0 ? $"; {p.RowsSkipped} rows skipped" : string.Empty);
            sources.Add(d.Source.Id.ToString("D"), d.Source.Kind.ToString(), d.Source.FileName, d.Source.Cases, d.Source.Records, d.Source.ContentHash.Hex, readAs, d.Source.ImportedAt, d.Source.ImportedBy);
        }

        var steps = new ResultTable("steps", [new("step"), new("lane"), new("owner"), new("value"), new("origin"), new("assessments")], "Steps and their assessments");
        foreach (var s in c.Steps)
        {
            steps.Add(s.Step.Value.Name, s.Step.Value.Lane, s.Step.Value.Owner, Kebab(s.Step.Value.Value.ToString()), s.Step.Value.Origin.ToString().ToLowerInvariant(),
                string.Join("; ", s.Assessments.Select(a => $"{Kebab(a.Aspect.ToString())}: {Headline(a)}")));
        }

        var questions = new ResultTable("questions", [new("id"), new("step"), new("question"), new("asked_of"), new("raised_by"), new("answers", CellKind.Integer)], "Questions");
        var answers = new ResultTable("answers", [new("question"), new("by"), new("answer"), new("at", CellKind.Timestamp), new("entered_by"), new("on_behalf", CellKind.Boolean)], "Answers");
        foreach (var q in c.Questions)
        {
            string id = q.Question.Value.Id.ToString("D")[..8];
            questions.Add(id, q.Step, q.Question.Value.Text, q.AskedOf.Count == 0 ? "anyone" : string.Join(", ", q.AskedOf), q.Question.Value.RaisedBy, q.Answers.Count);
            foreach (var a in q.Answers)
            {
                answers.Add(id, a.Stakeholder, a.Text, a.At, a.EnteredBy, a.OnBehalf);
            }
        }

        var options = new ResultTable("options", [new("id"), new("option"), new("changes"), new("steps"), new("questions", CellKind.Integer), new("simulated"), new("data_sha256")], "Improvement options");
        var simulations = new ResultTable("simulations", [new("option"), new("kpi"), new("unit"), new("as_is", CellKind.Number), new("option_value", CellKind.Number, "option"), new("difference", CellKind.Number), new("low", CellKind.Number, "95% low"), new("high", CellKind.Number, "95% high"), new("significant", CellKind.Boolean)], "Simulated KPIs, option against the as-is (times in hours, shares in %)");
        foreach (var line in c.Options)
        {
            var option = line.Option.Value;
            var sim = option.Simulation;
            options.Add(option.Id.ToString("D")[..8], option.Title, line.Changes.Count == 0 ? "(none yet)" : string.Join("; ", line.Changes), string.Join(", ", line.Steps), line.Questions.Count,
                sim is null ? "no" : string.Create(CultureInfo.InvariantCulture, $"{sim.At:yyyy-MM-dd} by {sim.By}: {sim.Replications} replications, seed {sim.Seed}, {sim.HorizonDays:0} days{(sim.Check is { } check ? $"; model met {check.WithinTarget} of {check.WithTarget} checks" : string.Empty)}"),
                sim?.DataHash.Hex);
            foreach (var k in sim?.Kpis ?? [])
            {
                double scale = k.Unit switch { "seconds" => 1 / 3600.0, "share" => 100, _ => 1 };
                simulations.Add(option.Title, k.Label, k.Unit switch { "seconds" => "hours", "share" => "%", _ => k.Unit }, k.AsIs.Mean * scale, k.Option.Mean * scale, k.Difference.Mean * scale, k.Difference.Low * scale, k.Difference.High * scale, k.Significant);
            }
        }

        var matrix = new ResultTable("matrix", [new("option"), new("criterion"), new("weight", CellKind.Number), new("score", CellKind.Integer), new("rationale")], "Decision matrix");
        foreach (var cell in c.Matrix.Cells)
        {
            matrix.Add(cell.Option, cell.Criterion, c.Matrix.Criteria.FirstOrDefault(x => x.Name == cell.Criterion)?.Weight, cell.Score, cell.Rationale);
        }

        var ranking = new ResultTable("ranking", [new("rank", CellKind.Integer), new("option"), new("weighted_score", CellKind.Number)], "Ranking");
        int rank = 1;
        foreach (var x in c.Matrix.Ranking)
        {
            ranking.Add(rank++, x.Option, x.WeightedScore);
        }

        if (c.Matrix.WinnerIsRobust is { } robust)
        {
            ranking.Notes.Add(robust ? "The winner stays first whichever weight moves by 20% (the others rescaled)." : "The winner changes when a weight moves by 20%: " + string.Join("; ", c.Matrix.Sensitivity.Where(s => s.WinnerChanged).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Criterion} x{s.Factor:0.0} -> {s.Winner}"))) + ".");
        }

        foreach (var name in c.Matrix.Incomplete)
        {
            ranking.Notes.Add($"'{name}' is not scored on every criterion yet, so it is not ranked.");
        }

        var costs = new ResultTable("cost_benefit", [new("option"), new("one_off_cost", CellKind.Number), new("yearly_cost", CellKind.Number), new("yearly_savings", CellKind.Number), new("savings_low", CellKind.Number), new("savings_high", CellKind.Number), new("years", CellKind.Integer), new("discount_rate", CellKind.Share), new("npv", CellKind.Number), new("npv_low", CellKind.Number), new("npv_high", CellKind.Number), new("payback_years", CellKind.Number), new("basis")], "Cost-benefit");
        foreach (var x in c.CostBenefits)
        {
            var cb = x.Case;
            costs.Add(x.Option, cb.OneOffCost, cb.RunningCostPerYear, cb.SavingsPerYear, cb.SavingsLowPerYear, cb.SavingsHighPerYear, cb.Years, cb.DiscountRate, cb.NetPresentValue, cb.NetPresentValueLow, cb.NetPresentValueHigh, cb.PaybackYears, cb.SavingsBasis);
        }

        var risks = new ResultTable("risks", [new("option"), new("risk"), new("likelihood", CellKind.Integer), new("impact", CellKind.Integer), new("exposure", CellKind.Integer), new("owner"), new("mitigation")], "Risks, highest exposure first");
        foreach (var x in c.Risks)
        {
            risks.Add(x.Option ?? "(the review)", x.Risk.Description, x.Risk.Likelihood, x.Risk.Impact, x.Risk.Exposure, x.Risk.Owner, x.Risk.Mitigation);
        }

        var recommendations = new ResultTable("recommendations", [new("id"), new("title"), new("options"), new("status"), new("version", CellKind.Integer), new("agreed", CellKind.Boolean), new("agreement"), new("rationale")], "Recommendations");
        var evidence = new ResultTable("evidence", [new("recommendation"), new("evidence"), new("source"), new("data_sha256")], "Evidence behind the recommendations");
        foreach (var x in c.Recommendations)
        {
            var rec = x.Recommendation.Value;
            recommendations.Add(rec.Id.ToString("D")[..8], rec.Title, string.Join("; ", x.Options), rec.Status.ToString(), x.Recommendation.Version, x.Agreement.IsAgreed, x.Agreement.IsAgreed ? "agreed" : x.Agreement.Reason, rec.Rationale);
            foreach (var e in rec.Evidence)
            {
                evidence.Add(rec.Title, e.Summary, e.Source, e.DataHash?.Hex);
            }
        }

        var tasks = new ResultTable("tasks", [new("task"), new("owner"), new("start"), new("due"), new("status"), new("depends_on"), new("raci"), new("recommendation"), new("note")], "Implementation plan" + (c.Plan is { } plan ? $" (version {plan.Version}; {(c.PlanAgreement.IsAgreed ? "agreed" : c.PlanAgreement.Reason)})" : string.Empty));

        foreach (var t in c.Tasks)
        {
            tasks.Add(t.Task.Title, t.Task.Owner, t.Task.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Task.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Kebab(t.Task.Status.ToString()), string.Join(", ", t.DependsOn), string.Join("; ", t.Raci), t.Recommendation, t.Task.Note);
        }

        var communications = new ResultTable("communications", [new("at", CellKind.Timestamp), new("to"), new("channel"), new("about"), new("message")], "Communication log");
        foreach (var x in c.Communications)
        {
            communications.Add(x.Communication.Value.At, string.Join(", ", x.Audience), x.Communication.Value.Channel, x.About, x.Communication.Value.Message);
        }

        var kpis = new ResultTable("kpis", [new("kpi"), new("metric"), new("unit"), new("better"), new("baseline", CellKind.Number), new("target", CellKind.Number), new("frequency"), new("owner"), new("latest", CellKind.Number), new("verdict")], "Monitoring plan");
        var measurements = new ResultTable("measurements", [new("kpi"), new("from", CellKind.Timestamp), new("to", CellKind.Timestamp), new("value", CellKind.Number), new("verdict"), new("source"), new("data_sha256"), new("entered_by"), new("note")], "Measurements");
        foreach (var k in c.Monitoring?.Value.Kpis ?? [])
        {
            var latest = k.Measurements.Count == 0 ? null : k.Measurements.MaxBy(m => m.At);
            kpis.Add(k.Name, k.Metric, k.Unit, k.Direction == KpiDirection.HigherIsBetter ? "higher" : "lower", k.Baseline?.Value, k.Target, Kebab(k.Frequency.ToString()), k.Owner, latest?.Value, latest is null ? null : Kebab(latest.Verdict.ToString()));
            if (k.Baseline is { } b)
            {
                measurements.Add(k.Name + " (baseline)", b.From, b.At, b.Value, null, b.Source, b.DataHash?.Hex, b.EnteredBy, b.Note);
            }

            foreach (var m in k.Measurements)
            {
                measurements.Add(k.Name, m.From, m.At, m.Value, Kebab(m.Verdict.ToString()), m.Source, m.DataHash?.Hex, m.EnteredBy, m.Note);
            }
        }

        var (monitoredRun, verdicts) = Monitored(c.MonitoringRun);

        var signOffs = new ResultTable("sign_offs", [new("artefact"), new("version", CellKind.Integer), new("hash"), new("name"), new("group"), new("decision"), new("reason"), new("at", CellKind.Timestamp), new("entered_by"), new("on_behalf", CellKind.Boolean), new("on_behalf_reason"), new("stale", CellKind.Boolean), new("stale_because")], "Sign-offs");
        foreach (var s in c.SignOffs)
        {
            signOffs.Add(s.SignOff.Artefact.Kind.ToString(), s.SignOff.Version, s.SignOff.ContentHash.Short, s.SignOff.Name, s.SignOff.Group.ToString(), s.SignOff.Decision.ToString(), s.SignOff.Reason, s.SignOff.At, s.SignOff.EnteredBy, s.SignOff.OnBehalf, s.SignOff.OnBehalfReason, s.IsStale, s.StaleBecause);
        }

        return report.Add(scope).Add(stakeholders).Add(members).Add(sources).Add(steps).Add(questions).Add(answers).Add(options).Add(simulations)
            .Add(matrix).Add(ranking).Add(costs).Add(risks).Add(recommendations).Add(evidence).Add(tasks).Add(communications).Add(kpis).Add(measurements).Add(monitoredRun).Add(verdicts).Add(signOffs);
    }

    /// <summary>The latest monitoring of the change: what was compared, and each KPI's verdict (values in the KPI's base
    /// unit: seconds, shares as fractions, cases per interval, per case, money or score).</summary>
    private static (ResultRecord Run, ResultTable Verdicts) Monitored(Review.Artefacts.Versioned<MonitoringRun>? versioned)
    {
        var record = new ResultRecord("monitoring_run", "Monitoring of the change (latest run)");
        var verdicts = new ResultTable("monitoring_verdicts", [new("kpi"), new("unit"), new("before", CellKind.Number), new("after", CellKind.Number), new("difference", CellKind.Number), new("ci_low", CellKind.Number), new("ci_high", CellKind.Number), new("p_value", CellKind.Number), new("p_adjusted", CellKind.Number), new("verdict"), new("in_words")], "Did the change work? Each KPI's verdict in the latest monitoring");
        if (versioned is not { } v)
        {
            record.Add("monitored", false, CellKind.Boolean);
            return (record, verdicts);
        }

        var run = v.Value;
        int Count(params ChangeVerdict[] kinds) => run.Kpis.Count(k => kinds.Contains(k.Verdict));
        record.Add("monitored", true, CellKind.Boolean)
            .Add("version", v.Version, CellKind.Integer)
            .Add("at", run.At, CellKind.Timestamp)
            .Add("by", run.By)
            .Add("before_data", run.Before.DataFile)
            .Add("before_sha256", run.Before.DataHash.Hex)
            .Add("before_cases", run.Before.Cases, CellKind.Integer)
            .Add("after_data", run.After.DataFile)
            .Add("after_sha256", run.After.DataHash.Hex)
            .Add("after_cases", run.After.Cases, CellKind.Integer)
            .Add("change_date", run.ChangeDate, CellKind.Timestamp)
            .Add("option", run.OptionTitle)
            .Add("confidence", run.Settings.Confidence, CellKind.Share)
            .Add("adjustment", $"{run.Settings.Adjustment.Replace('_', '-')} across {run.Tested} KPIs")
            .Add("improved", Count(ChangeVerdict.Improved), CellKind.Integer)
            .Add("worse", Count(ChangeVerdict.Worse), CellKind.Integer)
            .Add("no_detectable_change", Count(ChangeVerdict.NoDetectableChange), CellKind.Integer)
            .Add("undecided", Count(ChangeVerdict.Undecided), CellKind.Integer)
            .Add("conformance", string.Join("; ", run.Conformance.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Agreement}: {a.AfterBreaking:N0} of {a.AfterCases:N0} after"))))
            .Add("forecast", string.Join("; ", run.Forecasts.Select(f => $"{f.Name}: {f.Verdict.Replace('_', ' ')}")));
        foreach (var k in run.Kpis)
        {
            verdicts.Add(k.Name, k.Unit, k.Before, k.After, k.Difference, k.Low, k.High, k.PValue, k.AdjustedPValue, Kebab(k.Verdict.ToString()), Workbench.Monitoring.MonitoringWords.Sentence(k, run.Tested));
        }

        return (record, verdicts);
    }

    private static string Headline(Review.Steps.StepAssessment a)
    {
        string Measure(string key, string format) => !a.Measures.TryGetValue(key, out double v) ? "?"
            : format.StartsWith('P') ? ReportWriter.FormatShare(v, format[1] - '0') : v.ToString(format, CultureInfo.InvariantCulture);
        return a.Aspect switch
        {
            Review.Steps.AssessmentAspect.Cost => $"total {Measure("total_cost", "N0")}, {Measure("cost_share", "P0")} of cost",
            Review.Steps.AssessmentAspect.CustomerSatisfaction => a.Measures.ContainsKey("gap") ? $"gap {Measure("gap", "+0.00;-0.00")}" + (a.Measures.GetValueOrDefault("flagged") > 0 ? " (flagged)" : string.Empty) : $"rework gap {Measure("rework_gap", "+0.00;-0.00")}",
            _ => $"{Measure("violating_cases", "N0")} cases breach, compliance {Measure("compliance_rate", "P1")}",
        };
    }

    private static string Kebab(string name) => Workbench.Problems.Validation.Kebab(name);
}

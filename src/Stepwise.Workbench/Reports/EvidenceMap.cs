using Stepwise.Review.Artefacts;
using Stepwise.Review.Decisions;
using Stepwise.Review.Planning;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Steps;
using Stepwise.Reports;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

/// <summary>
/// Which artefact of a review (with its version and sign-off) evidences each assessment criterion of the unit the
/// review serves (a process review Unit 32, a quality review Unit B14), and which criteria have none yet. The
/// knowledge criteria are the learner's own account: a review never evidences them, and the map says so.
/// </summary>
internal static class EvidenceMap
{
    /// <summary>The map of a process review.</summary>
    public static IReadOnlyList<EvidenceLine> Of(ReviewContents c)
    {
        var signed = SignedText(c.SignOffs);
        static string Ver<T>(string label, Versioned<T> v) where T : IArtefact => $"{label} v{v.Version}";
        var lines = new List<EvidenceLine>();
        var u = AssessmentCriterion.Unit32.ToDictionary(x => x.Number);
        var scope = c.Scope;
        lines.Add(scope is null ? None(u["1.1"], "no scope written") : Line(u["1.1"], [Ver("the scope", scope)], signed(ArtefactKind.Scope, c.Review.Id, scope.Version), c.ScopeText.Count > 0 ? "" : "the scope has no boundaries"));
        lines.Add(scope is null ? None(u["1.2"], "no scope to agree") : Line(u["1.2"], [Ver("the scope", scope)], signed(ArtefactKind.Scope, c.Review.Id, scope.Version), c.ScopeAgreement.IsAgreed ? "" : c.ScopeAgreement.Reason, requireSign: true));
        lines.Add(scope is null || scope.Value.Change.AllowedChanges.Count == 0 && scope.Value.Change.BudgetCap is null && scope.Value.Change.Constraints.Count == 0
            ? None(u["1.3"], "no change types, budget or constraints set in the scope")
            : Line(u["1.3"], [Ver("the scope's change parameters", scope)], signed(ArtefactKind.Scope, c.Review.Id, scope.Version), ""));
        var told = c.Communications.Where(m => m.Communication.Value.Artefact?.Kind == ArtefactKind.Scope || m.Communication.Value.Message.Contains("aim", StringComparison.OrdinalIgnoreCase) || m.Communication.Value.Message.Contains("scope", StringComparison.OrdinalIgnoreCase)).ToList();
        var everyone = c.Stakeholders.Select(s => s.Stakeholder.Value.Name).ToHashSet(StringComparer.Ordinal);
        var reached = told.SelectMany(m => m.Audience).ToHashSet(StringComparer.Ordinal);
        var notTold = everyone.Where(n => !reached.Contains(n)).Order(StringComparer.Ordinal).ToList();
        lines.Add(told.Count == 0 ? None(u["1.4"], "no communication of the aims or scope is logged")
            : Line(u["1.4"], [.. told.Select(m => $"communication '{Clip(m.Communication.Value.Message)}' v{m.Communication.Version}, {Day(m.Communication.Value.At)}")], [], notTold.Count == 0 ? "" : "not yet told: " + string.Join(", ", notTold)));
        lines.Add(c.Steps.Count == 0 ? None(u["2.1"], "no steps identified") : Line(u["2.1"], [$"{Counted.Of(c.Steps.Count, "step", "steps")} ({string.Join(", ", c.Steps.Take(6).Select(s => $"'{s.Step.Value.Name}' v{s.Step.Version}"))}{(c.Steps.Count > 6 ? ", ..." : "")})"], [], ""));
        var analysed = c.Steps.Where(s => s.Assessments.Count > 0).ToList();
        lines.Add(c.DataSources.Count == 0 ? None(u["2.2"], "no data imported to analyse the steps")
            : Line(u["2.2"], [.. c.DataSources.Select(d => $"data source {d.Source.FileName} (SHA-256 {d.Source.ContentHash.Hex[..12]}...)"), $"{analysed.Count} of {c.Steps.Count} steps with assessments"], [], analysed.Count == c.Steps.Count ? "" : $"{Counted.Of(c.Steps.Count - analysed.Count, "step", "steps")} not assessed"));
        var aspects = Enum.GetValues<AssessmentAspect>();
        var full = c.Steps.Count(s => aspects.All(a => s.Assessments.Any(x => x.Aspect == a)));
        var missingAspects = aspects.Where(a => !c.Steps.Any(s => s.Assessments.Any(x => x.Aspect == a))).Select(a => ProcessPacks.Words(a.ToString())).ToList();
        lines.Add(analysed.Count == 0 ? None(u["2.3"], "no step assessed for satisfaction, cost or compliance")
            : Line(u["2.3"], [$"{Counted.Of(c.Steps.Sum(s => s.Assessments.Count), "step assessment", "step assessments")}; {full} of {c.Steps.Count} steps on all three aspects"], [],
                missingAspects.Count > 0 ? "not assessed for " + string.Join(", ", missingAspects) : full == c.Steps.Count ? "" : $"{c.Steps.Count - full} steps lack an aspect"));
        var withQuestions = c.Questions.Select(q => q.Step).Distinct().Count();
        lines.Add(c.Questions.Count == 0 ? None(u["2.4"], "no challenge questions raised")
            : Line(u["2.4"], [$"{Counted.Of(c.Questions.Count, "challenge question", "challenge questions")} on {Counted.Of(withQuestions, "step", "steps")}"], [], withQuestions >= c.Steps.Count ? "" : $"{Counted.Of(c.Steps.Count - withQuestions, "step", "steps")} without a question"));
        var answered = c.Questions.Where(q => q.Answers.Count > 0).ToList();
        lines.Add(answered.Count == 0 ? None(u["2.5"], "no answers from the people in the process")
            : Line(u["2.5"], [.. answered.Take(6).Select(q => $"question on '{q.Step}' v{q.Question.Version}: answered by {string.Join(", ", q.Answers.Select(a => a.Stakeholder).Distinct())}")], [], ""));
        lines.Add(c.Options.Count == 0 ? None(u["2.6"], "no options identified") : Line(u["2.6"], [.. c.Options.Select(o => $"option '{o.Option.Value.Title}' v{o.Option.Version}")], [], ""));
        var simulated = c.Options.Where(o => o.Option.Value.Simulation is not null).ToList();
        var scored = c.Matrix.Ranking.Select(r => r.Option).ToHashSet(StringComparer.Ordinal);
        var costed = c.CostBenefits.Select(x => x.Option).ToHashSet(StringComparer.Ordinal);
        var unevaluated = c.Options.Select(o => o.Option.Value.Title).Where(t => !scored.Contains(t) && !costed.Contains(t)).ToList();
        lines.Add(simulated.Count == 0 && scored.Count == 0 ? None(u["3.1"], "no option simulated or scored")
            : Line(u["3.1"], [$"{Counted.Of(simulated.Count, "option", "options")} simulated", $"decision matrix v{c.Matrix.Version} ({Counted.Of(scored.Count, "option", "options")} scored)", Counted.Of(costed.Count, "cost-benefit case", "cost-benefit cases"), Counted.Of(c.Risks.Count, "risk", "risks")], [], unevaluated.Count == 0 ? "" : "not evaluated: " + string.Join(", ", unevaluated)));
        var recs = c.Recommendations.Where(r => r.Recommendation.Value.Status != RecommendationStatus.Withdrawn).ToList();
        lines.Add(recs.Count == 0 ? None(u["3.2"], "no recommendation made")
            : Line(u["3.2"], [.. recs.Select(r => $"recommendation '{r.Recommendation.Value.Title}' v{r.Recommendation.Version}")], [.. recs.SelectMany(r => signed(ArtefactKind.Recommendation, r.Recommendation.Value.Id, r.Recommendation.Version))],
                recs.All(r => r.Agreement.IsAgreed) ? "" : string.Join(" ", recs.Where(r => !r.Agreement.IsAgreed).Select(r => r.Agreement.Reason)), requireSign: true));
        lines.Add(c.Plan is null ? None(u["3.3"], "no implementation plan")
            : Line(u["3.3"], [$"implementation plan v{c.Plan.Version} ({Counted.Of(c.Tasks.Count, "task", "tasks")})"], signed(ArtefactKind.ImplementationPlan, c.Review.Id, c.Plan.Version), c.PlanAgreement.IsAgreed ? "" : c.PlanAgreement.Reason, requireSign: true));
        int done = c.Tasks.Count(t => t.Task.Status == PlanTaskStatus.Done);
        lines.Add(done == 0 ? None(u["3.4"], "no plan task done yet")
            : Line(u["3.4"], [$"implementation plan v{c.Plan!.Version}: {done} of {c.Tasks.Count} tasks done"], [], done == c.Tasks.Count ? "" : $"{Counted.Of(c.Tasks.Count - done, "task", "tasks")} still open"));
        var measured = c.Monitoring?.Value.Kpis.Where(k => k.Measurements.Count > 0).ToList() ?? [];
        lines.Add(measured.Count == 0 ? None(u["3.5"], "no KPI measured after the change")
            : Line(u["3.5"], [$"monitoring plan v{c.Monitoring!.Version}: {string.Join(", ", measured.Select(k => $"{k.Name} ({Counted.Of(k.Measurements.Count, "measurement", "measurements")})"))}"], [], ""));
        lines.Add(None(u["4.1-4.7"], "knowledge criteria are shown in the learner's own account; the review holds no evidence of them"));
        return lines;
    }

    /// <summary>The map of a quality review.</summary>
    public static IReadOnlyList<EvidenceLine> Of(QualityContents c)
    {
        var signed = SignedText(c.SignOffs);
        var u = AssessmentCriterion.UnitB14.ToDictionary(x => x.Number);
        var plan = c.Plan;
        var lines = new List<EvidenceLine>();
        var planSigns = signed(ArtefactKind.QualityReview, plan.Value.Id, plan.Version);
        lines.Add(plan.Value.Features.Count == 0 ? None(u["1.1"], "no service features listed")
            : Line(u["1.1"], [$"measurement plan v{plan.Version}: {Counted.Of(plan.Value.Features.Count, "feature", "features")} ({string.Join(", ", plan.Value.Features.Take(5).Select(x => x.Name))}{(plan.Value.Features.Count > 5 ? $" and {plan.Value.Features.Count - 5} more" : "")})"], planSigns, ""));
        lines.Add(plan.Value.MeasurementPlan.Count == 0 ? None(u["1.2"], "no measures planned")
            : Line(u["1.2"], [$"measurement plan v{plan.Version}: {Counted.Of(plan.Value.MeasurementPlan.Count, "measure", "measures")} with method, target, frequency and owner"], planSigns, c.PlanAgreement.IsAgreed ? "" : c.PlanAgreement.Reason, requireSign: true));
        var analysisPlanned = plan.Value.MeasurementPlan.Where(m => m.Statistic is not null || m.SampleDesign is not null).ToList();
        lines.Add(analysisPlanned.Count == 0 ? None(u["1.3"], "no statistic or sample design planned for any measure")
            : Line(u["1.3"], [$"measurement plan v{plan.Version}: {Counted.Of(analysisPlanned.Count, "measure", "measures")} with a statistic or sample design"], planSigns, analysisPlanned.Count == plan.Value.MeasurementPlan.Count ? "" : $"{Counted.Of(plan.Value.MeasurementPlan.Count - analysisPlanned.Count, "measure", "measures")} without a statistic or sample design"));
        lines.Add(c.Samples.Count == 0 && c.Analyses.Count == 0 ? None(u["2.1"], "no sample drawn or data collected")
            : Line(u["2.1"], [.. c.Samples.Select(s => $"sample '{s.Value.Name}' v{s.Version} ({N(s.Value.Size)} of {N(s.Value.PopulationSize)}, seed {s.Value.Seed})"), .. c.DataSources.Select(d => $"data {d.FileName} (SHA-256 {d.ContentHash.Hex[..12]}...)")], [], ""));
        lines.Add(c.Analyses.Count == 0 ? None(u["2.2"], "no analysis")
            : Line(u["2.2"], [.. c.Analyses.Select(a => $"analysis '{a.Value.Title}' v{a.Version} ({Counted.Of(a.Value.Responses, "response", "responses")}, {Counted.Of(a.Value.Results.Count, "result", "results")}, {Counted.Of(a.Value.Drivers.Count, "driver", "drivers")}, {Counted.Of(a.Value.Themes.Count, "theme", "themes")})")], [], ""));
        var results = c.Analyses.SelectMany(a => a.Value.Results).ToList();
        lines.Add(results.Count == 0 ? None(u["2.3"], "no result compared with its target")
            : Line(u["2.3"], [$"{Counted.Of(results.Count, "result", "results")} against targets: {results.Count(r => r.Verdict == Review.Quality.ResultVerdict.Met)} met, {results.Count(r => r.Verdict == Review.Quality.ResultVerdict.Missed)} missed, {results.Count(r => r.Verdict == Review.Quality.ResultVerdict.Undecided)} undecided"], [], ""));
        lines.Add(plan.Value.Revisions.Count == 0 ? None(u["2.4"], "the plan has not been revised (evidence needs a revision with its reason when a method does not work)")
            : Line(u["2.4"], [.. plan.Value.Revisions.Select(r => $"revision of '{r.Metric}' ({ProcessPacks.Words(r.Reason.ToString())}), {Day(r.At)}")], planSigns, ""));
        var audiences = c.Briefings.Select(b => b.Briefing.Value.Audience).Where(a => a is not Review.People.StakeholderGroup.Customers).Distinct().ToList();
        lines.Add(c.Briefings.Count == 0 ? None(u["2.5"], "no briefing recorded")
            : Line(u["2.5"], [.. c.Briefings.Select(b => $"briefing to {ProcessPacks.Words(b.Briefing.Value.Audience.ToString())} ({b.Briefing.Value.Channel}, {Day(b.Briefing.Value.At)}) v{b.Briefing.Version}")], [],
                audiences.Count >= 3 ? "" : $"{audiences.Count} of the 3 audiences needed"));
        var agreed = c.Actions.Where(a => a.Agreement.IsAgreed).ToList();
        lines.Add(c.Actions.Count == 0 ? None(u["2.6"], "no action agreed")
            : Line(u["2.6"], [.. c.Actions.Select(a => $"action '{a.Action.Value.Title}' v{a.Action.Version} (owner {a.Action.Value.Owner})")], [.. c.Actions.SelectMany(a => signed(ArtefactKind.QualityAction, a.Action.Value.Id, a.Action.Version))],
                agreed.Count == c.Actions.Count ? "" : $"{c.Actions.Count - agreed.Count} actions not yet signed off", requireSign: true));
        lines.Add(None(u["3.1-3.8"], "knowledge criteria are shown in the learner's own account; the review holds no evidence of them"));
        return lines;
    }

    /// <summary>The map as a report section: a table and the criteria still without evidence.</summary>
    public static ReportSection Section(IReadOnlyList<EvidenceLine> lines)
    {
        var rows = lines.Select(l => (IReadOnlyList<TableCell>)[
            l.Criterion.Unit, l.Criterion.Number, l.Criterion.Shows, Status(l.Status),
            string.Join("; ", l.Artefacts), string.Join("; ", l.SignOffs), l.Missing]).ToList();
        var missing = lines.Where(l => l.Status != EvidenceStatus.Evidenced).ToList();
        var blocks = new List<ReportBlock>
        {
            new TableBlock(new ReportTable($"Evidence for each criterion of {lines[0].Criterion.Unit}",
                [TableColumn.Text("Unit"), TableColumn.Text("Criterion"), TableColumn.Text("What the evidence shows"), TableColumn.Text("Status"), TableColumn.Text("Evidence (artefact and version)"), TableColumn.Text("Sign-off"), TableColumn.Text("Still missing")], rows)),
        };
        if (missing.Count > 0)
        {
            blocks.Add(new BulletList([.. missing.Select(l => $"{l.Criterion.Unit} {l.Criterion.Number}: {Status(l.Status)}; {l.Missing}.")]));
        }

        int evidenced = lines.Count(l => l.Status == EvidenceStatus.Evidenced);
        return new ReportSection("Evidence map", blocks) { Message = $"{evidenced} of {lines.Count} criteria of {lines[0].Criterion.Unit} are evidenced; {missing.Count} need more." };
    }

    private static string Status(EvidenceStatus s) => s switch
    {
        EvidenceStatus.Evidenced => "evidenced",
        EvidenceStatus.Partial => "partly evidenced",
        _ => "no evidence yet",
    };

    private static EvidenceLine None(AssessmentCriterion c, string missing) => new(c, EvidenceStatus.None, [], [], missing);

    private static EvidenceLine Line(AssessmentCriterion c, IReadOnlyList<string> artefacts, IReadOnlyList<string> signOffs, string missing, bool requireSign = false)
        => new(c, missing.Length == 0 && (!requireSign || signOffs.Count > 0) ? EvidenceStatus.Evidenced : EvidenceStatus.Partial, artefacts, signOffs,
            missing.Length == 0 && requireSign && signOffs.Count == 0 ? "no sign-off" : missing);

    /// <summary>The sign-offs of an artefact's version in words (who, role, decision, date, and who entered it for them).</summary>
    private static Func<ArtefactKind, Guid, long, IReadOnlyList<string>> SignedText(IReadOnlyList<SignOffState> signOffs)
        => (kind, id, version) => [.. signOffs
            .Where(s => s.SignOff.Artefact.Kind == kind && s.SignOff.Artefact.Id == id && s.SignOff.Version == version)
            .Select(s => $"{(s.SignOff.Decision == SignOffDecision.Approved ? "approved" : "rejected")} by {s.SignOff.Name} ({ProcessPacks.Words(s.SignOff.Role.ToString())}) on {Day(s.SignOff.At)}{(s.SignOff.OnBehalf ? $", entered by {s.SignOff.EnteredBy}" : string.Empty)}")];

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

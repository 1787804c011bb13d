using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Steps;
using Stepwise.Review.Workspaces;
using Stepwise.Simulation.Scenarios;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Scorecard;
using Stepwise.Workbench.Access;
using Assessed = Stepwise.Steps.Scorecard.StepAssessment;
using DomainAssessment = Stepwise.Review.Steps.StepAssessment;
using DomainQuestion = Stepwise.Review.Steps.ChallengeQuestion;
using DomainValue = Stepwise.Review.Steps.ValueClass;
using Generated = Stepwise.Steps.Questions.ChallengeQuestion;

namespace Stepwise.Workbench.Steps;

/// <summary>
/// The one mapping from the step engine's results to a review's artefacts: each step (created when the review does not
/// have it yet; its value class set when still unclassified), one assessment per step and aspect (satisfaction, cost,
/// compliance) with its measures, evidence and the hash of the data, each generated question as a challenge question
/// (with answers from the question book by stakeholders of the review, marked as entered on their behalf unless the
/// caller is that stakeholder), and each option named in the question book as an improvement option. Ids are derived
/// from the review and the subject, so running again updates the same artefacts (a new version each, kept in the
/// history) instead of adding copies.
/// </summary>
internal sealed class StepArtefacts(Workspace workspace, Guid reviewId, Actor actor)
{
    private const string Source = "stepwise steps";

    public SavedAssessment Save(StepScorecard card, DataSource source, StepReviewRequest request)
    {
        var hash = source.ContentHash;
        var now = workspace.Now;
        string by = actor.DisplayName;
        var warnings = new List<string>();
        var feedbackHash = request.Feedback is null ? (ContentHash?)null : ContentHash.OfFile(request.Feedback);
        var ratesHash = request.Rates is null ? (ContentHash?)null : ContentHash.OfFile(request.Rates);
        var rulesHash = request.Rules is not null && File.Exists(request.Rules) ? ContentHash.OfFile(request.Rules) : (ContentHash?)null;
        int created = 0, classified = 0, assessments = 0, questions = 0, answers = 0, improvementOptions = 0;

        var steps = workspace.List<Step>(reviewId).ToDictionary(s => s.Value.Activity ?? s.Value.Name, StringComparer.Ordinal);
        int position = steps.Count;
        var stepIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var a in card.Steps)
        {
            if (!steps.TryGetValue(a.Name, out var step))
            {
                step = workspace.Save(reviewId, new Step { Id = Derived("step", a.Name), Name = Clip(a.Name, 200), Activity = a.Name, Origin = StepOrigin.Discovered, Value = Map(a.Value.Class), Position = position++ }, 0, by);
                created++;
            }
            else if (step.Value.Value == DomainValue.Unclassified)
            {
                step = workspace.Save(reviewId, step.Value with { Value = Map(a.Value.Class) }, step.Version, by);
                classified++;
            }

            stepIds[a.Name] = step.Value.Id;
            assessments += SaveAssessments(a, card, stepIds[a.Name], hash, feedbackHash, ratesHash, rulesHash, request, now, by);
        }

        var stakeholders = workspace.List<Stakeholder>(reviewId).Select(s => s.Value).ToList();
        foreach (var q in card.Questions)
        {
            if (!stepIds.TryGetValue(q.Step, out var stepId))
            {
                if (q.Origin == QuestionOrigin.User || q.Trigger != QuestionTrigger.Satisfaction)
                {
                    warnings.Add($"question '{q.Id}' is about '{q.Step}', which is not a step of the log: not saved");
                }

                continue;
            }

            var id = Derived("question", q.Id);
            var existing = workspace.Find<DomainQuestion>(reviewId, id);
            string text = Clip(q.Origin == QuestionOrigin.User ? q.Text : $"{q.Text} [Evidence: {q.Evidence}]", 4000);
            var question = existing?.Value ?? new DomainQuestion
            {
                Id = id,
                StepId = stepId,
                Text = text,
                RaisedBy = q.Origin == QuestionOrigin.User ? "question book" : Source + " (generated from the evidence)",
                RaisedAt = now,
            };
            var updated = question with { Text = text };
            if (q.Answer is { } answer)
            {
                var stakeholder = stakeholders.FirstOrDefault(s => string.Equals(s.Name, q.AnsweredBy, StringComparison.OrdinalIgnoreCase));
                if (stakeholder is null)
                {
                    warnings.Add($"the answer to '{q.Id}' is by '{q.AnsweredBy ?? "(nobody named)"}', who is not a stakeholder of the review: not saved");
                }
                else if (!updated.Answers.Any(x => x.Text == answer && x.StakeholderId == stakeholder.Id))
                {
                    updated = updated.WithAnswer(new Answer(answer, stakeholder.Id, now, by, onBehalf: stakeholder.UserId != actor.UserId));
                    answers++;
                }
            }

            if (existing is null || Changed(existing.Value, updated))
            {
                workspace.Save(reviewId, updated, existing?.Version ?? 0, by);
                questions++;
            }

            if (q.Option is { } option)
            {
                improvementOptions += SaveOption(q, option, stepId, id, warnings, by);
            }
        }

        return new SavedAssessment(created, classified, assessments, questions, answers, improvementOptions, warnings);
    }

    private int SaveOption(Generated q, string title, Guid stepId, Guid questionId, List<string> warnings, string by)
    {
        var optionId = Derived("option", q.Id);
        var current = workspace.Find<ImprovementOption>(reviewId, optionId);
        var proposed = new ImprovementOption
        {
            Id = optionId,
            Title = Clip(title, 200),
            Description = Clip("Raised by the question: " + q.Text, 4000),
            Changes = current?.Value.Changes ?? FirstGuess(q),
            StepIds = current is null ? [stepId] : [.. current.Value.StepIds.Union([stepId])],
            QuestionIds = current is null ? [questionId] : [.. current.Value.QuestionIds.Union([questionId])],
            Simulation = current?.Value.Simulation,
        };
        try
        {
            if (current is null || CanonicalJson.Serialize(current.Value) != CanonicalJson.Serialize(proposed))
            {
                workspace.Save(reviewId, proposed, current?.Version ?? 0, by);
                return 1;
            }
        }
        catch (ReviewRuleException ex)
        {
            warnings.Add($"option '{title}' not saved: {ex.Message}");
        }

        return 0;
    }

    /// <summary>
    /// The change an option raised by a question surely makes, when the question says it: removing the step it asks to
    /// eliminate. Other options start without changes (a draft): automating or re-routing needs figures the question
    /// does not give.
    /// </summary>
    private static IReadOnlyList<ScenarioChange> FirstGuess(Generated q)
        => q.Challenge == ChallengeKind.Eliminate && q.Trigger != QuestionTrigger.Rework ? [new RemoveStep(q.Step)] : [];

    private static bool Changed(DomainQuestion before, DomainQuestion after) => CanonicalJson.Serialize(before) != CanonicalJson.Serialize(after);

    private int SaveAssessments(Assessed a, StepScorecard card, Guid stepId, ContentHash hash, ContentHash? feedbackHash, ContentHash? ratesHash, ContentHash? rulesHash, StepReviewRequest request, DateTimeOffset now, string by)
    {
        int saved = 0;
        if (a.Satisfaction is not null || a.ReworkSatisfaction is not null)
        {
            var measures = new Dictionary<string, double>(StringComparer.Ordinal);
            var evidence = new List<Evidence>();
            foreach (var (prefix, gap) in new[] { (string.Empty, a.Satisfaction), ("rework_", a.ReworkSatisfaction) })
            {
                if (gap is null)
                {
                    continue;
                }

                Put(measures, prefix + "gap", gap.Gap);
                Put(measures, prefix + "gap_lower", gap.GapLower);
                Put(measures, prefix + "gap_upper", gap.GapUpper);
                Put(measures, prefix + "gap_q_value", gap.GapQValue);
                Put(measures, prefix + "raw_difference", gap.Difference);
                Put(measures, prefix + "mean_with", gap.MeanWith);
                Put(measures, prefix + "mean_without", gap.MeanWithout);
                Put(measures, prefix + "cases_with", gap.CasesWith);
                Put(measures, prefix + "cases_without", gap.CasesWithout);
                Put(measures, prefix + "negative_comment_share_with", gap.NegativeShareWith);
                Put(measures, prefix + "negative_comment_share_without", gap.NegativeShareWithout);
                Put(measures, prefix + "flagged", gap.Flagged ? 1 : 0);
                string who = prefix.Length == 0 ? $"Cases through '{a.Name}'" : $"Cases repeating '{a.Name}'";
                evidence.Add(new Evidence(
                    string.Create(CultureInfo.InvariantCulture, $"{who}: mean {gap.MeanWith:0.00} vs {gap.MeanWithout:0.00} ({gap.CasesWith} vs {gap.CasesWithout} scored cases); gap {gap.Gap:+0.00;-0.00} [{gap.GapLower:0.00}, {gap.GapUpper:0.00}], q = {gap.GapQValue:0.000}{(gap.Flagged ? ", flagged" : string.Empty)}."),
                    Clip(Source + ": " + card.Satisfaction!.Method, 400),
                    hash));
            }

            evidence.Add(new Evidence($"Survey responses: {card.Satisfaction!.Link.Linked:N0} of {card.Satisfaction.Link.Outcomes.Count:N0} linked to cases.", Clip("feedback file " + Path.GetFileName(request.Feedback), 400), feedbackHash));
            saved += Save(stepId, a.Name, AssessmentAspect.CustomerSatisfaction, measures, evidence, hash, now, by);
        }

        if (a.Cost is { Coverage: not Stepwise.Steps.Costing.CostCoverage.None } cost)
        {
            var measures = new Dictionary<string, double>(StringComparer.Ordinal);
            Put(measures, "total_cost", cost.TotalCost);
            Put(measures, "labour_cost", cost.LabourCost);
            Put(measures, "fixed_cost", cost.FixedCost);
            Put(measures, "cost_share", cost.Share);
            Put(measures, "cost_per_instance", cost.CostPerInstance);
            Put(measures, "rework_cost", cost.ReworkCost);
            Put(measures, "rework_instances", cost.ReworkInstances);
            Put(measures, "instances", cost.Instances);
            Put(measures, "handling_median_seconds", cost.Handling.MedianSeconds);
            Put(measures, "instances_without_time", cost.InstancesWithoutTime);
            var evidence = new List<Evidence>
            {
                new(string.Create(CultureInfo.InvariantCulture, $"'{a.Name}' costs {cost.TotalCost:N2} {card.Cost!.Currency} over {cost.Instances:N0} instances; handling time {cost.Handling.Basis.ToString().ToLowerInvariant()}."), Clip(Source + ": " + card.Handling.Method, 400), hash),
                new("Hourly rates, standard times and fixed costs.", Clip("rates file " + Path.GetFileName(request.Rates), 400), ratesHash),
            };
            saved += Save(stepId, a.Name, AssessmentAspect.Cost, measures, evidence, hash, now, by);
        }

        if (a.Compliance is { } compliance)
        {
            var measures = new Dictionary<string, double>(StringComparer.Ordinal);
            Put(measures, "rules", compliance.Rules);
            Put(measures, "rules_not_evaluable", compliance.NotEvaluable);
            Put(measures, "cases_checked", compliance.CasesChecked);
            Put(measures, "cases_decided", compliance.CasesDecided);
            Put(measures, "violations", compliance.Violations);
            Put(measures, "violating_cases", compliance.ViolatingCases);
            Put(measures, "compliance_rate", compliance.ComplianceRate);
            var evidence = card.Compliance!.Results.Where(r => string.Equals(r.Step, a.Name, StringComparison.Ordinal))
                .Select(r => new Evidence(
                    Clip(r.Status == Mining.Compliance.RuleStatus.Evaluated
                        ? string.Create(CultureInfo.InvariantCulture, $"{r.Rule.Id}: {r.Violations.Count:N0} of {r.CasesDecided:N0} decided cases breach '{r.Rule.Title}'{(r.Rule.Source is null ? string.Empty : " (" + r.Rule.Source + ")")}; {r.Open:N0} open.")
                        : $"{r.Rule.Id}: not evaluable: {r.Reason}.", 4000),
                    Clip("rules " + (request.Rules is null ? string.Empty : Path.GetFileName(request.Rules)) + " (" + card.Compliance.Pack.Name + ")", 400),
                    rulesHash ?? hash))
                .ToList();
            saved += Save(stepId, a.Name, AssessmentAspect.Compliance, measures, evidence, hash, now, by);
        }

        return saved;
    }

    private int Save(Guid stepId, string step, AssessmentAspect aspect, Dictionary<string, double> measures, List<Evidence> evidence, ContentHash hash, DateTimeOffset now, string by)
    {
        var id = Derived("assessment", step, aspect.ToString());
        var existing = workspace.Find<DomainAssessment>(reviewId, id);
        var assessment = new DomainAssessment
        {
            Id = id,
            StepId = stepId,
            Aspect = aspect,
            Measures = measures,
            Evidence = evidence,
            DataHash = hash,
            AssessedBy = by,
            AssessedAt = now,
        };
        workspace.Save(reviewId, assessment, existing?.Version ?? 0, by);
        return 1;
    }

    private static void Put(Dictionary<string, double> measures, string name, double value)
    {
        if (double.IsFinite(value))
        {
            measures[name] = value;
        }
    }

    /// <summary>A stable id for a subject of this review (name-based, version 8 layout), so reruns update, not copy.</summary>
    private Guid Derived(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Source + "\n" + reviewId.ToString("D") + "\n" + string.Join("\n", parts)));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes.AsSpan(0, 16), bigEndian: true);
    }

    private static DomainValue Map(Stepwise.Steps.Value.ValueClass value) => value switch
    {
        Stepwise.Steps.Value.ValueClass.ValueAdding => DomainValue.ValueAdding,
        Stepwise.Steps.Value.ValueClass.BusinessValueAdding => DomainValue.BusinessValueAdding,
        _ => DomainValue.NonValueAdding,
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

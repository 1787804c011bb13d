using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Mining;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Scoping;
using Stepwise.Review.Steps;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Scorecard;
using Stepwise.Steps.Value;
using Assessed = Stepwise.Steps.Scorecard.StepAssessment;
using DomainAssessment = Stepwise.Review.Steps.StepAssessment;
using DomainQuestion = Stepwise.Review.Steps.ChallengeQuestion;
using DomainValue = Stepwise.Review.Steps.ValueClass;
using Generated = Stepwise.Steps.Questions.ChallengeQuestion;

namespace Stepwise.Cli.Commands;

/// <summary>
/// Saves a step scorecard in a review through the workspace's use cases: each step (created when the review does not
/// have it yet; its value class set when still unclassified), one assessment per step and aspect (satisfaction, cost,
/// compliance) with its measures, evidence and the hash of the data, each generated question as a challenge question
/// (answers from the question book by a stakeholder of the review), and each option named in the question book as an
/// improvement option. Ids are derived from the review and the subject, so running again updates the same artefacts
/// (a new version each, kept in the history) instead of adding copies.
/// </summary>
internal sealed class StepsReviewSession(ReviewSession session, Guid reviewId) : IDisposable
{
    private const string Source = "stepwise steps";
    private DataSource? _source;

    /// <summary>The review's cases of the stored log whose file is at <paramref name="path"/> (matched by its hash).</summary>
    public LogView ScopedView(string path, CancellationToken cancellation)
    {
        var hash = ContentHash.OfFile(path);
        _source = session.Workspace.DataSources(reviewId).FirstOrDefault(d => d.Kind == DataSourceKind.EventLog && d.ContentHash == hash)
            ?? throw new UserError($"{Path.GetFileName(path)} (sha256 {hash.Short}) is not imported into review {reviewId.ToString("D")[..8]}; import it first with 'stepwise review import', so that the assessment names the data it was made on.");
        return session.Workspace.ScopedView(reviewId, _source.Id, cancellation);
    }

    /// <summary>Saves the scorecard; returns what was saved.</summary>
    public ResultRecord Record(StepScorecard card, StepsReport.Inputs inputs, StepReviewOptions options)
    {
        var source = _source ?? throw new InvalidOperationException("The review's log was not loaded.");
        var workspace = session.Workspace;
        var hash = source.ContentHash;
        var now = workspace.Now;
        string by = session.By;
        var warnings = new List<string>();
        var feedbackHash = inputs.Feedback is null ? (ContentHash?)null : ContentHash.OfFile(inputs.Feedback);
        var ratesHash = inputs.Rates is null ? (ContentHash?)null : ContentHash.OfFile(inputs.Rates);
        var rulesHash = inputs.Rules is not null && File.Exists(inputs.Rules) ? ContentHash.OfFile(inputs.Rules) : (ContentHash?)null;
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
            assessments += SaveAssessments(a, card, stepIds[a.Name], hash, feedbackHash, ratesHash, rulesHash, inputs, now, by);
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
                    updated = updated.WithAnswer(new Answer(answer, stakeholder.Id, now));
                    answers++;
                }
            }

            if (existing is null || updated != existing.Value)
            {
                workspace.Save(reviewId, updated, existing?.Version ?? 0, by);
                questions++;
            }

            if (q.Option is { } option)
            {
                var optionId = Derived("option", q.Id);
                var current = workspace.Find<ImprovementOption>(reviewId, optionId);
                var proposed = new ImprovementOption
                {
                    Id = optionId,
                    Title = Clip(option, 200),
                    Description = Clip("Raised by the question: " + q.Text, 4000),
                    Change = current?.Value.Change ?? Change(q),
                    StepIds = [stepId],
                    QuestionIds = [id],
                };
                try
                {
                    if (current is null || current.Value != proposed)
                    {
                        workspace.Save(reviewId, proposed, current?.Version ?? 0, by);
                        improvementOptions++;
                    }
                }
                catch (ReviewRuleException ex)
                {
                    warnings.Add($"option '{option}' not saved: {ex.Message}");
                }
            }
        }

        var record = new ResultRecord("recorded", $"Saved in review {reviewId.ToString("D")[..8]}")
            .Add("review", reviewId.ToString("D"))
            .Add("data_source", source.Id.ToString("D"))
            .Add("data_sha256", hash.Hex)
            .Add("steps_created", (long)created, CellKind.Integer)
            .Add("steps_classified", (long)classified, CellKind.Integer)
            .Add("assessments_saved", (long)assessments, CellKind.Integer)
            .Add("questions_saved", (long)questions, CellKind.Integer)
            .Add("answers_saved", (long)answers, CellKind.Integer)
            .Add("options_saved", (long)improvementOptions, CellKind.Integer);
        if (warnings.Count > 0)
        {
            record.Add("warnings", string.Join(" | ", warnings));
        }

        return record;
    }

    private int SaveAssessments(Assessed a, StepScorecard card, Guid stepId, ContentHash hash, ContentHash? feedbackHash, ContentHash? ratesHash, ContentHash? rulesHash, StepsReport.Inputs inputs, DateTimeOffset now, string by)
    {
        int saved = 0;
        if (a.Satisfaction is not null || a.ReworkSatisfaction is not null)
        {
            var measures = new Dictionary<string, double>(StringComparer.Ordinal);
            var evidence = new List<Evidence>();
            foreach (var (prefix, gap) in new[] { ("", a.Satisfaction), ("rework_", a.ReworkSatisfaction) })
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

            evidence.Add(new Evidence($"Survey responses: {card.Satisfaction!.Link.Linked:N0} of {card.Satisfaction.Link.Outcomes.Count:N0} linked to cases.", Clip("feedback file " + Path.GetFileName(inputs.Feedback), 400), feedbackHash));
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
                new("Hourly rates, standard times and fixed costs.", Clip("rates file " + Path.GetFileName(inputs.Rates), 400), ratesHash),
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
                    Clip(r.Status == Stepwise.Mining.Compliance.RuleStatus.Evaluated
                        ? string.Create(CultureInfo.InvariantCulture, $"{r.Rule.Id}: {r.Violations.Count:N0} of {r.CasesDecided:N0} decided cases breach '{r.Rule.Title}'{(r.Rule.Source is null ? string.Empty : " (" + r.Rule.Source + ")")}; {r.Open:N0} open.")
                        : $"{r.Rule.Id}: not evaluable: {r.Reason}.", 4000),
                    Clip("rules " + (inputs.Rules is null ? string.Empty : Path.GetFileName(inputs.Rules)) + " (" + card.Compliance.Pack.Name + ")", 400),
                    rulesHash ?? hash))
                .ToList();
            saved += Save(stepId, a.Name, AssessmentAspect.Compliance, measures, evidence, hash, now, by);
        }

        return saved;
    }

    private int Save(Guid stepId, string step, AssessmentAspect aspect, Dictionary<string, double> measures, List<Evidence> evidence, ContentHash hash, DateTimeOffset now, string by)
    {
        var id = Derived("assessment", step, aspect.ToString());
        var existing = session.Workspace.Find<DomainAssessment>(reviewId, id);
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
        session.Workspace.Save(reviewId, assessment, existing?.Version ?? 0, by);
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

    /// <summary>A first guess of the kind of change an option makes, from how its question challenged the step.</summary>
    private static ChangeType Change(Generated q) => q.Challenge switch
    {
        ChallengeKind.Eliminate => q.Trigger == QuestionTrigger.Rework ? ChangeType.ReduceRework : ChangeType.RemoveStep,
        ChallengeKind.Combine => ChangeType.Merge,
        ChallengeKind.Resequence => ChangeType.Resequence,
        ChallengeKind.Automate => ChangeType.Automate,
        ChallengeKind.SelfService => ChangeType.SelfService,
        _ => ChangeType.ReduceRework,
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public void Dispose() => session.Dispose();
}

using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Steps;
using Stepwise.Storage.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>The store contract for the artefacts later features plug into: they persist, typed, with their rules.</summary>
public abstract partial class WorkspaceStoreContract
{
    private static readonly Guid Unknown = Guid.Parse("99999999-9999-9999-9999-999999999999");

    [SkippableFact]
    public void FindVersion_AfterTheScopeChanged_ReturnsExactlyWhatWasSigned()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var v1 = ws.Save(id, new Scope { Id = id, InScope = ["Phone"] }, 0, "lead");
        var signOff = ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), 1, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null));
        ws.Save(id, v1.Value with { InScope = ["Phone", "Chat"] }, 1, "lead");

        var signed = ws.FindVersion<Scope>(id, id, signOff.Version)!;
        Assert.Equal(["Phone"], signed.Value.InScope);
        Assert.Equal(signOff.ContentHash, signed.Hash);
        Assert.Equal(signOff.ContentHash, CanonicalJson.Hash(CanonicalJson.Serialize(signed.Value)));
        Assert.Null(ws.FindVersion<Scope>(id, id, 3));
    }

    [SkippableFact]
    public void SignOff_RecordedOnBehalfOfTheSigner_HistoryNamesBoth()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var scope = ws.Save(id, new Scope { Id = id }, 0, "lead");
        ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Proxy("assistant", null, "approved by e-mail"));
        var entry = ws.History(id, new ArtefactRef(ArtefactKind.Scope, id))[^1];
        Assert.Equal(Review.History.HistoryAction.SignedOff, entry.Action);
        Assert.Equal("assistant", entry.By);
        Assert.StartsWith("Sam Sponsor approved scope version 1", entry.Summary);
        Assert.Contains("recorded on their behalf by assistant: approved by e-mail", entry.Summary);
        var signOff = Assert.Single(ws.SignOffs(id)).SignOff;
        Assert.Equal("Sam Sponsor", signOff.Name);
        Assert.True(signOff.OnBehalf);
        Assert.Equal("assistant", signOff.EnteredBy);
        Assert.Equal("approved by e-mail", signOff.OnBehalfReason);
    }

    [SkippableFact]
    public void ImportEventLog_OptionsNotJson_RefusedNamingTheFileAndNothingStored()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("R", "lead", [], "lead");
        var log = SyntheticLog.Create(100, seed: 2);
        var ex = Assert.Throws<ReviewRuleException>(() => ws.ImportEventLog(review.Value.Id, "t.csv", ContentHash.Of("t"u8), log, "{delimiter: ;", 100, "lead"));
        Assert.Contains("t.csv", ex.Message);
        Assert.Empty(ws.DataSources(review.Value.Id));
    }

    [SkippableFact]
    public void Communication_ToStakeholdersWithArtefact_PersistsAndUnknownAudienceRefused()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var entry = new Communication
        {
            Id = ws.NewId(),
            Audience = [sponsor],
            Message = "Scope version 1 circulated for sign-off",
            Channel = "e-mail",
            At = ws.Now,
            Artefact = new ArtefactRef(ArtefactKind.Scope, id),
        };
        ws.Save(id, entry, 0, "lead");
        var back = Assert.Single(ws.List<Communication>(id)).Value;
        Assert.Equal((entry.Message, entry.Channel, entry.Artefact), (back.Message, back.Channel, back.Artefact));
        Assert.Equal([sponsor], back.Audience);
        Assert.Contains("not a stakeholder", Assert.Throws<ReviewRuleException>(() => ws.Save(id, entry with { Id = ws.NewId(), Audience = [Unknown] }, 0, "lead")).Message);
    }

    [SkippableFact]
    public void StepAssessment_WithEvidenceAndDataHash_PersistsAndUnknownStepRefused()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("R", "lead", [], "lead");
        Guid id = review.Value.Id;
        var step = ws.Save(id, new Step { Id = ws.NewId(), Name = "Wait for customer", Lane = "Customer", Value = ValueClass.NonValueAdding }, 0, "lead");
        var data = ContentHash.Of("helpdesk"u8);
        var assessment = new StepAssessment
        {
            Id = ws.NewId(),
            StepId = step.Value.Id,
            Aspect = AssessmentAspect.CustomerSatisfaction,
            Rating = 2,
            Measures = new Dictionary<string, double> { ["median_wait_hours"] = 26.5, ["share_of_cases"] = 0.31 },
            Evidence = [new Evidence("Cases that wait score 1.2 points lower", "survey join on case id", data)],
            DataHash = data,
            AssessedBy = "analyst",
            AssessedAt = ws.Now,
        };
        ws.Save(id, assessment, 0, "analyst");
        var back = ws.Get<StepAssessment>(id, assessment.Id).Value;
        Assert.Equal(26.5, back.Measures["median_wait_hours"]);
        Assert.Equal(data, back.DataHash);
        Assert.Equal(data, Assert.Single(back.Evidence).DataHash);
        Assert.Throws<ReviewRuleException>(() => ws.Save(id, assessment with { Id = ws.NewId(), StepId = Unknown }, 0, "analyst"));
        Assert.Throws<ReviewRuleException>(() => assessment with { Rating = 6 });
    }

    [SkippableFact]
    public void MonitoringPlan_BaselinePinnedToData_PersistsWithMeasurements()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("R", "lead", [], "lead");
        Guid id = review.Value.Id;
        var before = ContentHash.Of("2025 log"u8);
        var after = ContentHash.Of("2026 log"u8);
        var kpi = new Kpi
        {
            Id = ws.NewId(),
            Name = "Median resolution time",
            Definition = "Median hours from first to last event of a case",
            Unit = "hours",
            Direction = KpiDirection.LowerIsBetter,
            Baseline = new Measurement(40.2, new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero), before),
            Target = 30,
            Measurements = [new Measurement(28.0, new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), after)],
        };
        ws.Save(id, new MonitoringPlan { Id = id, Kpis = [kpi] }, 0, "lead");
        var back = Assert.Single(ws.Get<MonitoringPlan>(id, id).Value.Kpis);
        Assert.Equal(before, back.Baseline!.DataHash);
        Assert.Equal(after, back.Measurements[0].DataHash);
        Assert.True(back.MeetsTarget);
    }

    [SkippableFact]
    public void Evaluation_BeforeStageEvaluate_RefusedThenSavedWithCostBenefit()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var option = ws.Save(id, new ImprovementOption { Id = ws.NewId(), Title = "Self-service password reset", Change = ChangeType.SelfService }, 0, "lead");
        var evaluation = new OptionEvaluation
        {
            Id = id,
            Criteria = [new Criterion("customer effort", 2), new Criterion("cost", 1)],
            Scores = [new OptionScore(option.Value.Id, "customer effort", 9), new OptionScore(option.Value.Id, "cost", 6)],
            CostBenefits = [new CostBenefit(option.Value.Id, 12_000m, 1_000m, 9_000m, 3, 0.05m)],
            Risks = [new Risk("Customers locked out", 2, 4, option.Value.Id, "Keep phone reset for 6 months")],
        };
        Assert.Contains("from stage Evaluate on", Assert.Throws<ReviewRuleException>(() => ws.Save(id, evaluation, 0, "lead")).Message);

        var scope = ws.Save(id, new Scope { Id = id }, 0, "lead");
        ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null));
        long v = ws.GetReview(id).Version;
        foreach (var stage in new[] { Stage.Analyse, Stage.Challenge, Stage.Evaluate })
        {
            v = ws.MoveStage(id, stage, v, "lead").Version;
        }

        Assert.Contains("not in this review", Assert.Throws<ReviewRuleException>(() => ws.Save(id, evaluation with { CostBenefits = [new CostBenefit(Unknown, 1m, 0m, 0m, 1, 0m)] }, 0, "lead")).Message);
        var saved = ws.Save(id, evaluation, 0, "lead").Value;
        var cb = Assert.Single(saved.CostBenefits);
        // 8,000 a year for 3 years at 5%: 8000 x 2.723248 - 12000 = 9785.98 (worked by hand).
        Assert.Equal(9785.98m, cb.NetPresentValue);
        Assert.Equal(1.5m, cb.PaybackYears);
        Assert.Equal(8.0, Assert.Single(saved.Ranking()).WeightedScore, 10);
    }
}

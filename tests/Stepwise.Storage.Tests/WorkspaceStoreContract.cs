using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Scenarios;
using Stepwise.Review.Data;
using Stepwise.Review.Decisions;
using Stepwise.Review.History;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Steps;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Testing;
using Stepwise.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>
/// The contract every workspace store keeps, run against each database by a subclass. Each test gets a fresh,
/// empty workspace; <see cref="OpenStore"/> opens another connection to the same one (a second writer, or a reopen).
/// </summary>
public abstract partial class WorkspaceStoreContract : IDisposable
{
    private readonly List<IWorkspaceStore> _opened = [];

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Opens a store on this test's workspace (the first call creates it).</summary>
    protected abstract IWorkspaceStore OpenStoreCore();

    /// <summary>Arguments that make the import loop open this test's workspace.</summary>
    protected abstract string[] ImportLoopArguments();

    /// <summary>Runs SQL directly on this test's workspace, behind the store's back.</summary>
    protected abstract void ExecuteRaw(string sql);

    /// <summary>Runs SQL on this test's workspace with the append-only triggers of history and sign-offs lifted, as
    /// someone with the database owner's rights could.</summary>
    protected abstract void ExecuteBehindTriggers(string sql);

    /// <summary>Checks, right after the import loop was killed, that it had really written part of an import.</summary>
    protected virtual void AfterKill()
    {
    }

    protected IWorkspaceStore OpenStore()
    {
        var store = OpenStoreCore();
        _opened.Add(store);
        return store;
    }

    protected Workspace OpenWorkspace(IIdSource? ids = null) => new(OpenStore(), Clock, ids ?? new SequentialIds());

    public virtual void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void Open_NewWorkspace_AppliesEveryMigrationAndReopens()
    {
        var first = OpenStore();
        Assert.Equal(4, first.SchemaVersion);
        Assert.Empty(first.Reviews());
        var second = OpenStore();
        Assert.Equal(4, second.SchemaVersion);
        Assert.True(second.Check().IsSound, string.Join("; ", second.Check().Problems));
    }

    [SkippableFact]
    public void Save_ChangeToScope_NewVersionHashAndHistoryWithBeforeAfter()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("Help desk tickets", "Improvement lead", ["Resolve faster"], "lead");
        Guid id = review.Value.Id;
        var v1 = ws.Save(id, new Scope { Id = id, Filter = new ScopeFilter { EndActivities = ["Closed"] } }, 0, "lead");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var v2 = ws.Save(id, v1.Value with { Change = new ChangeParameters { BudgetCap = 20_000m } }, v1.Version, "analyst");

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.NotEqual(v1.Hash, v2.Hash);
        Assert.Equal(CanonicalJson.Hash(CanonicalJson.Serialize(v2.Value)), v2.Hash);
        var history = ws.History(id, new ArtefactRef(ArtefactKind.Scope, id));
        Assert.Equal([HistoryAction.Created, HistoryAction.Changed], history.Select(h => h.Action));
        var change = Assert.Single(history[1].Changes);
        Assert.Equal("change.budget_cap", change.Path);
        Assert.Null(change.Before); // a JSON null and an absent field read the same: nothing before
        Assert.Equal("20000", change.After);
        Assert.Equal("analyst", history[1].By);
        Assert.Equal(Clock.GetUtcNow(), history[1].At);
        Assert.Equal(3, ws.History(id).Count);
    }

    [SkippableFact]
    public void Save_TwoWritersOnTheSameArtefact_SecondGetsConflictNamingFieldsAuthorAndTime()
    {
        var alice = OpenWorkspace(new SequentialIds(1));
        var review = alice.CreateReview("Complaints", "Alice", [], "alice");
        Guid id = review.Value.Id;
        var bob = OpenWorkspace(new SequentialIds(1000));
        var read = bob.GetReview(id);

        alice.Save(id, review.Value with { Title = "Complaints 2026" }, review.Version, "alice");
        var ex = Assert.Throws<ConcurrencyConflictException>(() => bob.Save(id, read.Value with { Owner = "Bob" }, read.Version, "bob"));

        Assert.Equal(["title"], ex.ChangedFields);
        Assert.Contains("alice", ex.Message);
        Assert.Contains("title", ex.Message);
        Assert.Contains("2026-03-02 09:00:00Z", ex.Message);
        var now = alice.GetReview(id);
        Assert.Equal("Complaints 2026", now.Value.Title);
        Assert.Equal("Alice", now.Value.Owner);
        // Bob re-applies his change on the new version: both changes are kept.
        var merged = bob.Save(id, now.Value with { Owner = "Bob" }, now.Version, "bob");
        Assert.Equal(("Complaints 2026", "Bob", 3L), (merged.Value.Title, merged.Value.Owner, merged.Version));
    }

    [SkippableFact]
    public void SignOff_ThenScopeChanges_OldSignOffIsStaleAndScopeNoLongerAgreed()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var scope = ws.Save(id, new Scope { Id = id, InScope = ["Incidents raised by phone"] }, 0, "lead");
        var signOff = ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null));
        Assert.Equal(scope.Hash, signOff.ContentHash);
        Assert.True(ws.Agreement(id, new ArtefactRef(ArtefactKind.Scope, id)).IsAgreed);

        ws.Save(id, scope.Value with { OutOfScope = ["Walk-in customers"] }, scope.Version, "lead");

        var state = Assert.Single(ws.SignOffs(id));
        Assert.True(state.IsStale);
        Assert.Equal(signOff, state.SignOff);
        var agreement = ws.Agreement(id, new ArtefactRef(ArtefactKind.Scope, id));
        Assert.False(agreement.IsAgreed);
        Assert.Contains("Sam Sponsor", agreement.Reason);
    }

    [SkippableFact]
    public void SignOff_BySomeoneNotAStakeholder_RefusedWithReason()
    {
        var ws = OpenWorkspace();
        var (id, _) = ReviewWithSponsor(ws);
        var scope = ws.Save(id, new Scope { Id = id }, 0, "lead");
        var stranger = Guid.Parse("99999999-9999-9999-9999-999999999999");
        var ex = Assert.Throws<ReviewRuleException>(() => ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, stranger, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null)));
        Assert.Contains("is not a stakeholder of this review", ex.Message);
        Assert.Empty(ws.SignOffs(id));
    }

    [SkippableFact]
    public void SignOff_RejectionWithoutReason_RefusedAndWithReasonBlocksAgreement()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var scope = ws.Save(id, new Scope { Id = id }, 0, "lead");
        var target = new ArtefactRef(ArtefactKind.Scope, id);
        Assert.Throws<ReviewRuleException>(() => ws.SignOff(id, target, scope.Version, sponsor, SignOffDecision.Rejected, " ", SignOffEntry.Own("tester", null)));
        ws.SignOff(id, target, scope.Version, sponsor, SignOffDecision.Rejected, "Channel boundaries unclear", SignOffEntry.Own("tester", null));
        Assert.Contains("Channel boundaries unclear", ws.Agreement(id, target).Reason);
    }

    [SkippableFact]
    public void SignOff_OfAnOldVersion_Conflict()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var v1 = ws.Save(id, new Scope { Id = id }, 0, "lead");
        ws.Save(id, v1.Value with { InScope = ["Email"] }, 1, "analyst");
        var ex = Assert.Throws<ConcurrencyConflictException>(() => ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), 1, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null)));
        Assert.Contains("in_scope", ex.Message);
    }

    [SkippableFact]
    public void MoveStage_WholeGovernedCycle_RefusedUntilEachAgreementThenAllowed()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        long v = ws.GetReview(id).Version;
        Assert.Contains("scope is written", Assert.Throws<ReviewRuleException>(() => ws.MoveStage(id, Stage.Analyse, v, "lead")).Message);

        var scope = ws.Save(id, new Scope { Id = id, Change = new ChangeParameters { AllowedChanges = [ChangeType.Automate, ChangeType.RemoveStep], RequiredSteps = [new RequiredStep("Verify identity", "regulation")] } }, 0, "lead");
        v = ws.MoveStage(id, Stage.Analyse, v, "lead").Version;
        var step = ws.Save(id, new Step { Id = ws.NewId(), Name = "Verify identity", Activity = "Verify identity", Lane = "Front office", Value = ValueClass.BusinessValueAdding }, 0, "lead");
        var other = ws.Save(id, new Step { Id = ws.NewId(), Name = "Re-key ticket", Value = ValueClass.NonValueAdding }, 0, "lead");
        v = ws.MoveStage(id, Stage.Challenge, v, "lead").Version;
        Assert.Throws<ReviewRuleException>(() => ws.MoveStage(id, Stage.Evaluate, v, "lead"));

        // Options respect the scope's parameters for change.
        Assert.Contains("must stay", Assert.Throws<ReviewRuleException>(() => ws.Save(id, new ImprovementOption { Id = ws.NewId(), Title = "Drop checks", Changes = [new RemoveStep("Verify identity")], StepIds = [step.Value.Id] }, 0, "lead")).Message);
        Assert.Contains("does not allow", Assert.Throws<ReviewRuleException>(() => ws.Save(id, new ImprovementOption { Id = ws.NewId(), Title = "Self-service", Changes = [new SelfService(0.2)] }, 0, "lead")).Message);
        var option = ws.Save(id, new ImprovementOption
        {
            Id = ws.NewId(),
            Title = "Automate re-keying",
            Changes = [new AutomateStep("Re-key ticket", Distribution.Constant(30), 0.05)],
            StepIds = [other.Value.Id],
        }, 0, "lead");
        var automated = Assert.IsType<AutomateStep>(Assert.Single(option.Value.Changes));
        Assert.Equal(30, automated.Duration.Value);
        Assert.Equal([ChangeType.Automate], option.Value.ChangeTypes);
        Assert.Contains("already has an option titled", Assert.Throws<ReviewRuleException>(() => ws.Save(id, option.Value with { Id = ws.NewId() }, 0, "lead")).Message);

        ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null));
        v = ws.MoveStage(id, Stage.Evaluate, v, "lead").Version;
        v = ws.MoveStage(id, Stage.Decide, v, "lead").Version;
        var recommendation = ws.Save(id, new Recommendation { Id = ws.NewId(), Title = "Automate re-keying", OptionIds = [option.Value.Id], Rationale = "Saves 2 minutes per ticket" }, 0, "lead");
        Assert.Contains("recommendation is agreed", Assert.Throws<ReviewRuleException>(() => ws.MoveStage(id, Stage.Implement, v, "lead")).Message);
        ws.SignOff(id, new ArtefactRef(ArtefactKind.Recommendation, recommendation.Value.Id), 1, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null));
        var task = new PlanTask { Id = ws.NewId(), Title = "Build integration", Owner = "IT", Due = new DateOnly(2026, 6, 30), RecommendationId = recommendation.Value.Id };
        var plan = ws.Save(id, new ImplementationPlan { Id = id, Tasks = [task] }, 0, "lead");
        v = ws.MoveStage(id, Stage.Implement, v, "lead").Version;
        Assert.Contains("implemented", Assert.Throws<ReviewRuleException>(() => ws.MoveStage(id, Stage.Monitor, v, "lead")).Message);
        ws.Save(id, plan.Value with { Tasks = [task with { Status = PlanTaskStatus.Done }] }, plan.Version, "IT");
        v = ws.MoveStage(id, Stage.Monitor, v, "lead").Version;
        Assert.Equal(Stage.Monitor, ws.GetReview(id).Value.Stage);
        Assert.Equal(6, ws.History(id).Count(h => h.Action == HistoryAction.StageMoved));
        Assert.True(v > 1);
    }

    [SkippableFact]
    public void Save_StageChangedDirectly_RefusedSoRulesCannotBeBypassed()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("R", "lead", [], "lead");
        Assert.Throws<ReviewRuleException>(() => ws.Save(review.Value.Id, review.Value with { Stage = Stage.Monitor }, review.Version, "lead"));
        Assert.Equal(Stage.Scope, ws.GetReview(review.Value.Id).Value.Stage);
    }

    [SkippableFact]
    public void ChallengeQuestion_AnsweredByStakeholder_KeepsWhoAndWhen()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var step = ws.Save(id, new Step { Id = ws.NewId(), Name = "Assign seriousness", Origin = StepOrigin.Discovered }, 0, "lead");
        var question = ws.Save(id, new ChallengeQuestion { Id = ws.NewId(), StepId = step.Value.Id, Text = "Why is seriousness assigned twice?", RaisedBy = "lead", RaisedAt = ws.Now }, 0, "lead");
        var answered = ws.Save(id, question.Value.WithAnswer(new Answer("The second one is a correction after triage.", sponsor, ws.Now)), question.Version, "lead");
        var back = ws.Get<ChallengeQuestion>(id, question.Value.Id);
        Assert.Equal(sponsor, Assert.Single(back.Value.Answers).StakeholderId);
        Assert.Equal(2, answered.Version);
        Assert.Throws<ReviewRuleException>(() => ws.Save(id, question.Value.WithAnswer(new Answer("x", Guid.Parse("99999999-9999-9999-9999-999999999999"), ws.Now)), answered.Version, "lead"));
    }

    [SkippableFact]
    public void StoredLog_SyntheticWithEveryColumnType_LoadsBackIdentical()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("R", "lead", [], "lead");
        var log = SyntheticLog.Create(20_000, seed: 3);
        var source = ws.ImportEventLog(review.Value.Id, "/home/someone/exports/tickets.csv", ContentHash.Of("file"u8), log, """{"delimiter":","}""", 20_000, "lead");

        Assert.Equal("tickets.csv", source.FileName);
        Assert.Equal(log.CaseCount, source.Cases);
        var reopened = new Workspace(OpenStore(), Clock, new SequentialIds());
        Assert.Equal(source, Assert.Single(reopened.DataSources(review.Value.Id)));
        LogAssert.Identical(log, reopened.LoadEventLog(source.Id));
        Assert.Contains(reopened.History(review.Value.Id), h => h.Action == HistoryAction.Imported);
    }

    [SkippableFact]
    public void StoredLog_RealHelpdeskLog_LoadsBackIdenticalWithPublishedCounts()
    {
        string path = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        var log = XesTestReader.Read(path);
        // Published with the dataset (4TU.ResearchData): 4,580 cases and 21,348 events.
        Assert.Equal(4580, log.CaseCount);
        Assert.Equal(21348, log.EventCount);
        var ws = OpenWorkspace();
        var review = ws.CreateReview("Help desk", "lead", [], "lead");
        var hash = ContentHash.OfFile(path);
        Assert.Equal(SharedData.Sha256(path), hash.Hex);
        var source = ws.ImportEventLog(review.Value.Id, path, hash, log, "{}", log.EventCount, "lead");
        LogAssert.Identical(log, ws.LoadEventLog(source.Id));
        Assert.Equal(hash, ws.DataSources(review.Value.Id)[0].ContentHash);
    }

    [SkippableFact]
    public void ImportEventLog_CancelledMidway_LeavesNoTrace()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("R", "lead", [], "lead");
        var log = SyntheticLog.Create(300_000, seed: 5);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p > 0.5)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => ws.ImportEventLog(review.Value.Id, "big.csv", ContentHash.Of("big"u8), log, "{}", 1, "lead", progress, cancel.Token));
        Assert.Empty(ws.DataSources(review.Value.Id));
        var check = OpenStore().Check();
        Assert.True(check.IsSound, string.Join("; ", check.Problems));
        Assert.DoesNotContain(ws.History(review.Value.Id), h => h.Action == HistoryAction.Imported);
    }

    [SkippableFact]
    public void LoadEventLog_UnknownDataSource_KeyNotFound()
        => Assert.Throws<KeyNotFoundException>(() => OpenStore().LoadEventLog(Guid.Parse("12345678-1234-1234-1234-123456789abc")));

    [SkippableFact]
    public void QualityReview_FindingsAndActions_PersistWithHistory()
    {
        var ws = OpenWorkspace();
        var quality = ws.CreateQualityReview("Cabin service 2023", "Quality lead", "quality lead");
        Guid id = quality.Value.Id;
        var finding = new Review.Quality.QualityFinding { Id = ws.NewId(), FindingKind = Review.Quality.FindingKind.Gap, Summary = "Cabin staff score below target", Evidence = [new Evidence("mean 3.6 vs 4.0", "BA reviews", ContentHash.Of("reviews"u8))] };
        ws.Save(id, finding, 0, "quality lead");
        var action = new Review.Quality.AgreedAction { Id = ws.NewId(), FindingIds = [finding.Id], Title = "Coach crews", Owner = "Cabin manager", Due = new DateOnly(2026, 9, 1) };
        var saved = ws.Save(id, action, 0, "quality lead");
        var moved = ws.Save(id, action with { Due = new DateOnly(2026, 10, 1) }, saved.Version, "quality lead");
        Assert.Equal(2, moved.Version);
        Assert.Equal(finding.Summary, Assert.Single(ws.List<Review.Quality.QualityFinding>(id)).Value.Summary);
        Assert.Contains(ws.Reviews(), r => r.Id == id && r.Type == ReviewType.Quality);
        var change = Assert.Single(ws.History(id)[^1].Changes);
        Assert.Equal(("due", "\"2026-09-01\"", "\"2026-10-01\""), (change.Path, change.Before, change.After));
        Assert.Throws<ReviewRuleException>(() => ws.Save(id, action with { Id = ws.NewId(), FindingIds = [Guid.NewGuid()] }, 0, "quality lead"));
    }

    [SkippableFact]
    public void Import_ProcessKilledMidway_WorkspaceOpensWithLastCommittedStateAndNoHalfLog()
    {
        var run = ImportLoopProcess.RunUntilKilled(ImportLoopArguments(), killAfterCommittedImports: 1);
        AfterKill();
        var store = OpenStore();
        var check = store.Check();
        Assert.True(check.IsSound, string.Join("; ", check.Problems));
        var sources = store.DataSources(run.ReviewId);
        // The kill came while import (committed + 1) was being written: it must be absent, earlier ones complete.
        Assert.Equal(run.CommittedImports, sources.Count);
        foreach (var source in sources)
        {
            Assert.Equal(400_000, store.LoadEventLog(source.Id).EventCount);
        }

        var ws = new Workspace(store, Clock, new SequentialIds(5000));
        Assert.Equal(run.LastSavedTitle ?? "Crash test", ws.GetReview(run.ReviewId).Value.Title);
    }

    [SkippableTheory]
    [InlineData("history")]
    [InlineData("artefact_versions")]
    [InlineData("sign_offs")]
    [InlineData("data_sources")]
    [InlineData("event_logs")]
    [InlineData("event_log_chunks")]
    public void AppendOnlyTable_UpdatedOrDeletedBehindTheStoresBack_RefusedByTheDatabase(string table)
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var scope = ws.Save(id, new Scope { Id = id }, 0, "lead");
        ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("tester", null));
        ws.ImportEventLog(id, "t.csv", ContentHash.Of("t"u8), SyntheticLog.Create(50, seed: 8), "{}", 50, "lead");

        string column = table.StartsWith("event_log", StringComparison.Ordinal) ? "data_source_id" : "review_id";
        var update = Assert.ThrowsAny<System.Data.Common.DbException>(() => ExecuteRaw($"UPDATE {table} SET {column} = {column}"));
        Assert.Contains("append-only", update.Message);
        var delete = Assert.ThrowsAny<System.Data.Common.DbException>(() => ExecuteRaw($"DELETE FROM {table}"));
        Assert.Contains("append-only", delete.Message);
    }

    private static (Guid ReviewId, Guid Sponsor) ReviewWithSponsor(Workspace ws)
    {
        var review = ws.CreateReview("Incident management", "Improvement lead", ["Cut reassignments"], "lead");
        var sponsor = ws.Save(review.Value.Id, new Stakeholder { Id = ws.NewId(), Name = "Sam Sponsor", Group = StakeholderGroup.SeniorManagers, Role = RaciRole.Accountable }, 0, "lead");
        ws.Save(review.Value.Id, new Stakeholder { Id = ws.NewId(), Name = "Fran Frontline", Group = StakeholderGroup.FrontLineStaff, Role = RaciRole.Consulted }, 0, "lead");
        return (review.Value.Id, sponsor.Value.Id);
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}

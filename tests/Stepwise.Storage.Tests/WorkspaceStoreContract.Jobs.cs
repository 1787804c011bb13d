using Stepwise.Review.Common;
using Stepwise.Review.Jobs;
using Stepwise.Review.Storage;

namespace Stepwise.Storage.Tests;

/// <summary>The contract for jobs: written as they change, final once ended, interrupted at start-up, deleted after retention.</summary>
public abstract partial class WorkspaceStoreContract
{
    private static readonly Guid OldRunner = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid NewRunner = Guid.Parse("0190b000-0000-7000-8000-000000000002");

    private JobRecord NewJob(Guid id, Guid owner, Guid? review = null, Guid? runner = null) => new()
    {
        Id = id,
        OwnerId = owner,
        Kind = "import",
        Description = "Import of helpdesk.xes.gz",
        ReviewId = review,
        Runner = runner ?? OldRunner,
        State = JobState.Queued,
        CreatedAt = Clock.GetUtcNow(),
    };

    [SkippableFact]
    public void UpdateJob_QueuedRunningSucceeded_EachStateReadByAnotherConnectionWithEveryField()
    {
        var ids = new SequentialIds();
        var writer = OpenStore();
        var reader = OpenStore();
        var queued = NewJob(ids.Next(), ids.Next(), review: ids.Next());
        writer.AddJob(queued);
        Assert.Equal(queued, reader.FindJob(queued.Id));

        Clock.Advance(TimeSpan.FromSeconds(2));
        var running = queued with { State = JobState.Running, StartedAt = Clock.GetUtcNow(), Progress = 0.375 };
        Assert.True(writer.UpdateJob(running));
        Assert.Equal(running, reader.FindJob(queued.Id));

        Clock.Advance(TimeSpan.FromSeconds(40));
        var succeeded = running with
        {
            State = JobState.Succeeded,
            Progress = 1,
            FinishedAt = Clock.GetUtcNow(),
            ResultJson = """{"source":{"cases":4580,"file_name":"helpdesk.xes.gz"}}""",
            ResultLocation = "/api/v1/reviews/r/data/d",
        };
        Assert.True(writer.UpdateJob(succeeded));
        var read = reader.FindJob(queued.Id);
        Assert.Equal(succeeded, read);
        Assert.True(read!.IsFinished);
        Assert.Null(reader.FindJob(ids.Next()));
    }

    [SkippableFact]
    public void UpdateJob_AfterItEnded_RefusedAndTheEndKept()
    {
        var store = OpenStore();
        var ids = new SequentialIds();
        var job = NewJob(ids.Next(), ids.Next());
        store.AddJob(job);
        var failed = job with { State = JobState.Failed, FinishedAt = Clock.GetUtcNow(), ProblemJson = """{"type":"https://stepwise.dev/problems/bad-file"}""" };
        Assert.True(store.UpdateJob(failed));

        // A late progress write of the process that ran it must not bring an ended job back to life.
        Assert.False(store.UpdateJob(job with { State = JobState.Running, Progress = 0.9 }));
        Assert.False(store.UpdateJob(NewJob(ids.Next(), job.OwnerId) with { State = JobState.Running }));

        Assert.Equal(failed, OpenStore().FindJob(job.Id));
    }

    [SkippableFact]
    public void Jobs_ByOwnerAndByReview_NewestFirst()
    {
        var store = OpenStore();
        var ids = new SequentialIds();
        Guid alice = ids.Next(), bob = ids.Next(), review = ids.Next(), other = ids.Next();
        var first = NewJob(ids.Next(), alice, review);
        store.AddJob(first);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = NewJob(ids.Next(), bob, review);
        var third = NewJob(ids.Next(), alice, other); // made in the same instant as the second, after it
        store.AddJob(third);
        store.AddJob(second);
        var survey = NewJob(ids.Next(), alice) with { Kind = "survey", Description = "Survey of airline.csv" };
        Clock.Advance(TimeSpan.FromMinutes(1));
        store.AddJob(survey with { CreatedAt = Clock.GetUtcNow() });

        var reader = OpenStore();
        Assert.Equal([survey.Id, third.Id, second.Id, first.Id], reader.Jobs().Select(j => j.Id));
        Assert.Equal([survey.Id, third.Id, first.Id], reader.Jobs(ownerId: alice).Select(j => j.Id));
        Assert.Equal([second.Id, first.Id], reader.Jobs(reviewId: review).Select(j => j.Id));
        Assert.Equal([second.Id], reader.Jobs(bob, review).Select(j => j.Id));
        Assert.Null(reader.Jobs(ownerId: alice)[0].ReviewId);
    }

    [SkippableFact]
    public void InterruptJobs_LeftUnfinishedByAnotherRunner_InterruptedWithTheProblem_EndedAndOwnJobsUntouched()
    {
        var before = OpenStore();
        var ids = new SequentialIds();
        Guid owner = ids.Next();
        var queued = NewJob(ids.Next(), owner);
        var running = NewJob(ids.Next(), owner) with { State = JobState.Running, StartedAt = Clock.GetUtcNow(), Progress = 0.42 };
        var done = NewJob(ids.Next(), owner) with { State = JobState.Succeeded, Progress = 1, FinishedAt = Clock.GetUtcNow(), ResultJson = "{}" };
        var mine = NewJob(ids.Next(), owner, runner: NewRunner) with { State = JobState.Running, StartedAt = Clock.GetUtcNow() };
        foreach (var job in new[] { queued, running, done, mine })
        {
            before.AddJob(job);
        }

        Clock.Advance(TimeSpan.FromMinutes(3));
        var restarted = OpenStore();
        const string Problem = """{"type":"https://stepwise.dev/problems/interrupted","status":503}""";
        int marked = restarted.InterruptJobs(NewRunner, Clock.GetUtcNow(), Problem);

        Assert.Equal(2, marked);
        var expected = new[]
        {
            queued with { State = JobState.Interrupted, FinishedAt = Clock.GetUtcNow(), ProblemJson = Problem },
            running with { State = JobState.Interrupted, FinishedAt = Clock.GetUtcNow(), ProblemJson = Problem },
            done,
            mine,
        };
        Assert.Equal(expected, new[] { queued, running, done, mine }.Select(j => OpenStore().FindJob(j.Id)!).ToArray());
        Assert.False(before.UpdateJob(running with { Progress = 0.5 }));
        Assert.Equal(0, restarted.InterruptJobs(NewRunner, Clock.GetUtcNow(), Problem));
    }

    [SkippableFact]
    public void DeleteJobs_EndedBeforeTheCutoff_DeletedAndUnfinishedJobsKeptHoweverOld()
    {
        var store = OpenStore();
        var ids = new SequentialIds();
        Guid owner = ids.Next();
        var longRunning = NewJob(ids.Next(), owner) with { State = JobState.Running, StartedAt = Clock.GetUtcNow() };
        store.AddJob(longRunning);
        var old = NewJob(ids.Next(), owner) with { State = JobState.Cancelled, FinishedAt = Clock.GetUtcNow(), ProblemJson = "{}" };
        store.AddJob(old);
        Clock.Advance(TimeSpan.FromDays(6));
        var recent = NewJob(ids.Next(), owner) with { State = JobState.Interrupted, FinishedAt = Clock.GetUtcNow(), ProblemJson = "{}" };
        store.AddJob(recent);
        Clock.Advance(TimeSpan.FromDays(2));

        int deleted = store.DeleteJobs(Clock.GetUtcNow() - TimeSpan.FromDays(7));

        Assert.Equal(1, deleted);
        Assert.Equal([recent.Id, longRunning.Id], OpenStore().Jobs(owner).Select(j => j.Id));
        Assert.Equal(0, store.DeleteJobs(Clock.GetUtcNow() - TimeSpan.FromDays(7)));
    }

    [SkippableFact]
    public void Migrate_WorkspaceFromBeforeJobs_GetsTheJobsTableAndKeepsItsReviews()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("Help desk", "lead", [], "lead");

        // Take the workspace back to schema 3, as a workspace written by an earlier Stepwise is.
        ExecuteRaw("DROP TABLE jobs; DELETE FROM schema_migrations WHERE version = 4");
        Assert.ThrowsAny<System.Data.Common.DbException>(() => ExecuteRaw("SELECT COUNT(*) FROM jobs"));

        var reopened = OpenStore();
        Assert.Equal(4, reopened.SchemaVersion);
        Assert.Empty(reopened.Jobs());
        var job = NewJob(ws.NewId(), ws.NewId(), review.Value.Id);
        reopened.AddJob(job);
        Assert.Equal(job, OpenStore().FindJob(job.Id));
        Assert.Equal("Help desk", new Review.Workspaces.Workspace(OpenStore(), Clock, new SequentialIds(500)).GetReview(review.Value.Id).Value.Title);
        Assert.True(reopened.Check().IsSound, string.Join("; ", reopened.Check().Problems));
    }
}

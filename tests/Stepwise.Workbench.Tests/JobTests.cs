using Stepwise.Review.Jobs;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>The records of jobs in the layer: who may read them, interruption at start-up, retention.</summary>
public sealed class JobTests
{
    private static readonly Guid Runner = Guid.Parse("0190a000-0000-7000-8000-000000000001");

    [Fact]
    public void Get_AnotherAccountsJob_NotFoundForThemAndReadableByItsOwnerAndAnAdministrator()
    {
        var f = new BenchFixture();
        var alice = f.User("alice");
        var bob = f.User("bob");
        var job = f.Bench.Jobs.Start(alice, Runner, "simulation", "Simulation of 2 options", null);

        Assert.Equal(job, f.Bench.Jobs.Get(alice, job.Id));
        Assert.Equal(job, f.Bench.Jobs.Get(f.Admin, job.Id));
        var hidden = Assert.Throws<StepwiseException>(() => f.Bench.Jobs.Get(bob, job.Id));
        Assert.Equal(ProblemKind.NotFound, hidden.Kind);
        Assert.Contains("There is no job", hidden.Message, StringComparison.Ordinal);
        Assert.Equal([job.Id], f.Bench.Jobs.List(alice).Select(j => j.Id));
        Assert.Empty(f.Bench.Jobs.List(bob));
        Assert.Equal([job.Id], f.Bench.Jobs.List(f.Admin).Select(j => j.Id));
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(alice.UserId, job.OwnerId);
        Assert.Equal(f.Clock.GetUtcNow(), job.CreatedAt);
    }

    [Fact]
    public void ListForReview_MembersSeeEveryMembersJobs_OthersAreForbidden()
    {
        var f = new BenchFixture();
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Help desk" });
        var vic = f.User("vic");
        var stranger = f.User("stranger");
        f.Bench.Reviews.SetMember(f.Admin, review.Id, new NewMember { User = "vic", Role = "viewer" });
        var import = f.Bench.Jobs.Start(f.Admin, Runner, "import", "Import of helpdesk.xes.gz", review.Id);
        f.Bench.Jobs.Start(f.Admin, Runner, "survey", "Survey of airline.csv", null);

        Assert.Equal([import.Id], f.Bench.Jobs.ListForReview(vic, review.Id).Select(j => j.Id));
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => f.Bench.Jobs.ListForReview(stranger, review.Id)).Kind);
        Assert.Equal(ProblemKind.NotFound, Assert.Throws<StepwiseException>(() => f.Bench.Jobs.ListForReview(vic, Guid.NewGuid())).Kind);
    }

    [Fact]
    public void InterruptLeftOverAndForget_AtStartUp_InterruptsOnlyOtherRunnersAndDeletesOnlyOldEndedJobs()
    {
        var f = new BenchFixture();
        var left = f.Bench.Jobs.Start(f.Admin, Runner, "import", "Import of t.csv", null);
        Assert.True(f.Bench.Jobs.Record(left with { State = JobState.Running, StartedAt = f.Clock.GetUtcNow(), Progress = 0.25 }));
        var ended = f.Bench.Jobs.Start(f.Admin, Runner, "import", "Import of u.csv", null);
        Assert.True(f.Bench.Jobs.Record(ended with { State = JobState.Succeeded, Progress = 1, FinishedAt = f.Clock.GetUtcNow(), ResultJson = "{}" }));
        f.Clock.Advance(TimeSpan.FromDays(3));
        Guid restarted = Guid.Parse("0190b000-0000-7000-8000-000000000002");
        var own = f.Bench.Jobs.Start(f.Admin, restarted, "import", "Import of v.csv", null);

        Assert.Equal(1, f.Bench.Jobs.InterruptLeftOver(restarted, """{"type":"interrupted"}"""));
        var interrupted = f.Bench.Jobs.Get(f.Admin, left.Id);
        Assert.Equal(JobState.Interrupted, interrupted.State);
        Assert.Equal(f.Clock.GetUtcNow(), interrupted.FinishedAt);
        Assert.Equal(0.25, interrupted.Progress);
        Assert.Equal(JobState.Queued, f.Bench.Jobs.Get(f.Admin, own.Id).State);
        Assert.False(f.Bench.Jobs.Record(interrupted with { State = JobState.Running }));

        Assert.Equal(1, f.Bench.Jobs.Forget(TimeSpan.FromDays(2)));
        Assert.Equal([own.Id, left.Id], f.Bench.Jobs.List(f.Admin).Select(j => j.Id));
    }
}
